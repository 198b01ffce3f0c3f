import Foundation
import Testing
import TouchpointModel
import TouchpointProtocol

/// Issue 9: text that is not UTF-8 refuses the changes that use it, not the batch.
@Suite struct ChangeBatchUTF8Tests {
    static func batch() throws -> Touchpoint_V1_ChangeBatch {
        let version = FieldVersion(hlc: Samples.hlc(), site: Samples.agentSite)
        let changes = (1...4).map { n in
            SequencedChange(sequence: UInt64(n), change: Change(entity: .note, id: Samples.uuid(n), fields: [
                FieldChange(name: "body", value: .text("note \(n)"), version: version)
            ]))
        }
        return try Touchpoint_V1_ChangeBatch(changes: changes)
    }

    @Test func badInlineTextOrStringEntryRefusesOnlyItsChange() throws {
        var batch = try Self.batch()
        batch.changes[1].fields[0].text = Data([0x6e, 0xff])
        batch.strings = [Data([0xc3, 0x28])]
        batch.changes[3].fields[0].textRef = 0
        let (changes, refused) = try batch.decodedPush()
        #expect(changes.map(\.sequence) == [1, 3])
        #expect(refused.map(\.sequence) == [2, 4])
        #expect(refused.allSatisfy { $0.error.code == .invalidArgument })
        #expect(refused.map { $0.error.details["field"] } == ["changes[1].fields[0].text", "changes[3].fields[0].text_ref"])
        #expect(throws: ProtocolError.self) { try batch.decodedChanges() }
    }

    @Test func badFieldNameRefusesEveryChangeUsingIt() throws {
        var batch = try Self.batch()
        batch.names[0] = Data([0x62, 0xfe])
        let (changes, refused) = try batch.decodedPush()
        #expect(changes.isEmpty)
        #expect(refused.map(\.sequence) == [1, 2, 3, 4])
    }
}
