import Foundation
import SwiftProtobuf
import Testing
import TouchpointModel
import TouchpointProtocol

@Suite struct ChangeBatchTests {
    static func roundTrip(_ changes: [SequencedChange]) throws -> [SequencedChange] {
        let batch = try Touchpoint_V1_ChangeBatch(changes: changes)
        let bytes: [UInt8] = try batch.serializedBytes()
        return try Touchpoint_V1_ChangeBatch(serializedBytes: bytes).decodedChanges()
    }

    @Test func typicalInteractionsRoundTrip() throws {
        let changes = Samples.interactions(100)
        #expect(try Self.roundTrip(changes) == changes)
    }

    @Test func editsWithBasesAndMixedVersionsRoundTrip() throws {
        let changes = (0..<5).map { SequencedChange(sequence: UInt64(10 + $0), change: Samples.customerEdit($0)) }
        #expect(try Self.roundTrip(changes) == changes)
    }

    @Test func emptyBatchRoundTrips() throws {
        #expect(try Self.roundTrip([]) == [])
    }

    @Test func randomChangesRoundTrip() throws {
        var random = SeededRandom(seed: 0x7A11_C0DE)
        for _ in 0..<300 {
            let changes = random.changes()
            #expect(try Self.roundTrip(changes) == changes)
        }
    }

    @Test func tablesHoldEachSiteNameAndSharedStringOnce() throws {
        let batch = try Touchpoint_V1_ChangeBatch(changes: Samples.interactions(30))
        #expect(batch.sites.count == 1)
        #expect(batch.names.count == 12)
        #expect(Set(batch.strings).count == batch.strings.count)
        #expect(batch.changes.allSatisfy { $0.fields.allSatisfy { $0.hlc == 0 } })
    }

    @Test func uuidTextTravelsAsSixteenBytesOnlyWhenCanonical() throws {
        let version = FieldVersion(hlc: Samples.hlc(), site: Samples.agentSite)
        let upper = Samples.customerID.uuidString  // uppercase: not canonical, must stay text
        let change = Change(entity: .note, id: Samples.uuid(1), fields: [
            FieldChange(name: "a", value: .id(Samples.customerID), version: version),
            FieldChange(name: "b", value: .text(upper), version: version),
        ])
        let batch = try Touchpoint_V1_ChangeBatch(changes: [SequencedChange(sequence: 1, change: change)])
        #expect(batch.changes[0].fields[0].uuidText.count == 16)
        #expect(batch.changes[0].fields[1].text == Data(upper.utf8))
        #expect(try batch.decodedChanges()[0].change == change)
    }

    @Test func zeroHLCCannotBeEncoded() throws {
        let change = Change(entity: .note, id: Samples.uuid(1), fields: [
            FieldChange(name: "a", value: .null, version: FieldVersion(hlc: .zero, site: Samples.agentSite)),
        ])
        let error = try #require(throws: ProtocolError.self) {
            try Touchpoint_V1_ChangeBatch(changes: [SequencedChange(sequence: 1, change: change)])
        }
        #expect(error.code == .invalidArgument)
    }

    // MARK: - Validation

    static func valid() throws -> Touchpoint_V1_ChangeBatch {
        try Touchpoint_V1_ChangeBatch(changes: (0..<3).map { SequencedChange(sequence: UInt64($0 + 1), change: Samples.customerEdit($0)) })
    }

    static let corruptions: [(String, @Sendable (inout Touchpoint_V1_ChangeBatch) -> Void)] = [
        ("changes[0].fields[0].name", { $0.changes[0].fields[0].name = 99 }),
        ("changes[0].fields[2].site", { $0.changes[0].fields[2].site = 7 }),
        ("changes[0].fields[0].base_site", { $0.changes[0].fields[0].baseSite = 7 }),
        ("changes[0].site", { $0.changes[0].site = 9 }),
        ("changes[0].entity", { $0.changes[0].entity = .unspecified }),
        ("changes[0].entity", { $0.changes[0].entity = .UNRECOGNIZED(42) }),
        ("changes[0].id", { $0.changes[0].id = Data(count: 15) }),
        ("sites[0]", { $0.sites[0] = Data(count: 17) }),
        ("changes[0].fields[0].uuid_text", { $0.changes[0].fields[0].uuidText = Data(count: 3) }),
        ("changes[0].fields[0].text_ref", { $0.changes[0].fields[0].textRef = 50 }),
        ("changes[1].sequence", { $0.changes[1].sequence = 1 }),
        ("changes[0].fields[1].name", { $0.changes[0].fields[1].name = $0.changes[0].fields[0].name }),
        ("changes[0].fields[0].base_site", { $0.changes[0].fields[0].baseHlc = 0; $0.changes[0].fields[0].baseSite = 1 }),
        ("changes[0].fields[0].hlc", { $0.changes[0].hlc = 0; $0.changes[0].site = 0 }),
    ]

    @Test(arguments: corruptions.indices)
    func invalidBatchesAreInvalidArgument(index: Int) throws {
        let (field, corrupt) = Self.corruptions[index]
        var batch = try Self.valid()
        corrupt(&batch)
        let error = try #require(throws: ProtocolError.self) { try batch.decodedChanges() }
        #expect(error.code == .invalidArgument)
        #expect(error.details["field"] == field)
    }

    @Test func batchOverTheLimitIsResourceExhausted() throws {
        let batch = try Touchpoint_V1_ChangeBatch(changes: Samples.interactions(11))
        let error = try #require(throws: ProtocolError.self) { try batch.decodedChanges(maxChanges: 10) }
        #expect(error.code == .resourceExhausted)
    }
}

extension SeededRandom {
    mutating func changes() -> [SequencedChange] {
        let sites = (0..<Int.random(in: 1...4, using: &self)).map { _ in SiteID(Samples.uuid(Int.random(in: 0...1000, using: &self), prefix: 0x5E)) }
        var sequence = UInt64.random(in: 0...1000, using: &self)
        return (0..<Int.random(in: 0...20, using: &self)).map { _ in
            sequence += UInt64.random(in: 1...5, using: &self)
            let names = ["a", "b", "c", "summary", "status", "owner_id", "score"].shuffled(using: &self)
            let fields = names.prefix(Int.random(in: 0...names.count, using: &self)).map { name in
                FieldChange(name: name, value: value(), version: version(sites), base: Bool.random(using: &self) ? version(sites) : nil)
            }
            let entity = EntityType.allCases.randomElement(using: &self)!
            return SequencedChange(sequence: sequence, change: Change(entity: entity, id: Samples.uuid(Int.random(in: 0...50, using: &self)), fields: fields))
        }
    }

    private mutating func version(_ sites: [SiteID]) -> FieldVersion {
        FieldVersion(hlc: Samples.hlc(UInt64.random(in: 0...3, using: &self), logical: UInt16.random(in: 0...2, using: &self)), site: sites.randomElement(using: &self)!)
    }

    private mutating func value() -> FieldValue {
        switch Int.random(in: 0..<7, using: &self) {
        case 0: .null
        case 1: .integer(Int64.random(in: .min ... .max, using: &self))
        case 2: .real(Double.random(in: -1e9...1e9, using: &self))
        case 3: .id(Samples.uuid(Int.random(in: 0...5, using: &self)))
        case 4: .text(["", "open", "closed", "é ✓ ü"].randomElement(using: &self)!)
        case 5: .text(Samples.uuid(1).uuidString)
        default: .text(String(repeating: "x", count: Int.random(in: 0...40, using: &self)))
        }
    }
}
