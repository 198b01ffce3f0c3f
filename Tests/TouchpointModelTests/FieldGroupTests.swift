import Foundation
import PropertyBased
import Testing
@testable import TouchpointModel

/// Item 3 of the field-work issue: fields bound by a rule merge as one group, so
/// every merged state is valid whatever the order of concurrent edits.
@Suite struct FieldGroupTests {
    static let id = UUID(uuidString: "33333333-3333-3333-3333-333333333333")!
    static let opened = Date(timeIntervalSince1970: 1_750_000_000)

    /// A resolved case as every replica holds it.
    static func resolvedCase() throws -> RecordState {
        let record = try SupportCase(id: id, customerID: UUID(), subject: "Router", status: .resolved, openedAt: opened, resolvedAt: opened + 3600)
        let version = FieldVersion(hlc: HLC(physical: 100, logical: 0), site: Ops.sites[0])
        var state = RecordState(entity: .supportCase, id: id)
        state.apply(Change(entity: .supportCase, id: id, fields: record.fields.keys.sorted().map {
            FieldChange(name: $0, value: record.fields[$0]!, version: version)
        }))
        return state
    }

    /// One write of the status group over the version `base`, as an agent's store makes it.
    static func statusWrite(_ status: CaseStatus, resolvedAt: Date?, ms: UInt64, site: SiteID, base: FieldVersion?) -> Change {
        let version = FieldVersion(hlc: HLC(physical: ms, logical: 0), site: site)
        return Change(entity: .supportCase, id: id, fields: [
            FieldChange(name: "resolved_at", value: .date(resolvedAt), version: version, base: base),
            FieldChange(name: "status", value: .text(status.rawValue), version: version, base: base),
        ])
    }

    /// B reopens (clears resolved_at), later A closes (status only changes, but the group
    /// travels whole): merged per field this left `closed` with no `resolved_at`.
    @Test(arguments: [true, false])
    func reopenAndCloseMergeToAValidCase(closeFirst: Bool) throws {
        let start = try Self.resolvedCase()
        let base = start.groupVersion(["status", "resolved_at"])
        let reopen = Self.statusWrite(.open, resolvedAt: nil, ms: 200, site: Ops.sites[1], base: base)
        let close = Self.statusWrite(.closed, resolvedAt: Self.opened + 3600, ms: 300, site: Ops.sites[0], base: base)
        var state = start
        let conflicts = (closeFirst ? [close, reopen] : [reopen, close]).flatMap { state.apply($0).conflicts }
        let merged = try SupportCase(id: Self.id, fields: state.values)
        #expect(merged.status == .closed && merged.resolvedAt != nil)
        #expect(conflicts.map(\.field).sorted() == ["resolved_at", "status"], "both values of both members are kept")
    }

    /// Random concurrent writes of a case's status group by three sites, applied in
    /// any order: every replica ends equal and every state it passes through is valid.
    @Test func randomConcurrentCaseEditsAlwaysMergeToValidCases() async {
        await propertyCheck(input: Gen.int(in: 0...11).array(of: 1...8), Gen.uint64(in: 0...UInt64.max)) { codes, seed in
            let start = try! Self.resolvedCase()
            let base = start.groupVersion(["status", "resolved_at"])
            let writes = codes.enumerated().map { index, code in
                let status = CaseStatus.allCases[code % CaseStatus.allCases.count]
                let resolved = (status == .resolved || status == .closed) ? Self.opened + Double(60 * (code + 1)) : nil
                return Self.statusWrite(status, resolvedAt: resolved, ms: UInt64(200 + index), site: Ops.sites[code % 3], base: base)
            }
            var forward = start
            var shuffled = start
            for write in writes {
                forward.apply(write)
                #expect(throws: Never.self) { try SupportCase(id: Self.id, fields: forward.values) }
            }
            var rng = SeededRandom(seed: seed)
            for write in writes.shuffled(using: &rng) {
                shuffled.apply(write)
                #expect(throws: Never.self) { try SupportCase(id: Self.id, fields: shuffled.values) }
            }
            #expect(forward == shuffled)
        }
    }
}
