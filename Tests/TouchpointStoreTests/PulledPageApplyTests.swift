import Foundation
import Testing
import TouchpointModel
import TouchpointStore

/// A pulled page is read set-based and merged in memory: these pin that it still applies
/// exactly as change-by-change application did.
@Suite struct PulledPageApplyTests {
    let store: AgentStore
    let now = Date(timeIntervalSince1970: 1_750_000_000)
    let remote = SiteID.random()

    init() throws {
        store = try AgentStore.inMemory()
        try store.initialize(agentID: UUID(), territories: ["north"])
    }

    func version(_ logical: UInt16) -> FieldVersion {
        FieldVersion(hlc: HLC(physical: HLC.milliseconds(now), logical: logical), site: remote)
    }

    func whole(_ record: some SyncRecord, _ logical: UInt16) -> Change {
        Change(
            entity: type(of: record).entity, id: record.id,
            fields: record.fields.map { FieldChange(name: $0.key, value: $0.value, version: version(logical)) })
    }

    @Test func laterChangesOfTheSamePageMergeOntoEarlierOnes() throws {
        let anika = try Customer(name: "Anika", territory: "north")
        let rename = Change(entity: .customer, id: anika.id, fields: [FieldChange(name: "name", value: .text("Anika B"), version: version(2))])
        let stale = Change(entity: .customer, id: anika.id, fields: [FieldChange(name: "name", value: .text("Old"), version: version(1))])
        // The partial change follows the whole one in the same page: it applies, it is not skipped.
        #expect(try store.applyPulled([whole(anika, 1), rename, stale], cursor: 3, now: now) == 2)
        #expect(try store.record(Customer.self, id: anika.id)?.name == "Anika B")
        #expect(try store.applyPulled([whole(anika, 1), rename, stale], cursor: 3, now: now) == 0)
    }

    @Test func aPageLargerThanOneIDQueryAppliesWholeAndOnce() throws {
        let customers = try (0..<1_203).map { try Customer(name: "C\($0)", territory: "north") }
        let notes = try customers.prefix(40).map {
            try Note(customerID: $0.id, authorAgentID: UUID(), body: "hello", createdAt: now)
        }
        let page = customers.map { whole($0, 1) } + notes.map { whole($0, 1) }
        #expect(try store.applyPulled(page, cursor: 9, now: now) == page.count)
        #expect(try store.status().records["customer"] == customers.count)
        #expect(try store.status().records["note"] == notes.count)
        #expect(try store.applyPulled(page, cursor: 9, now: now) == 0, "re-applying a page is a no-op")
    }
}
