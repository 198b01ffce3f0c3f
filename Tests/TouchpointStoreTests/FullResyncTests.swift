import Foundation
import Testing
import TouchpointModel
import TouchpointStore

/// The local half of a full resync a server asks of a stale agent: nothing unsynced is ever dropped.
@Suite struct FullResyncTests {
    @Test func recordsAreDroppedOnlyOnceTheOutboxIsEmpty() throws {
        let store = try AgentStore.inMemory()
        try store.initialize(agentID: UUID(), territories: ["north"])
        let customer = try Customer(name: "Anika", territory: "north")
        try store.create(customer)
        try store.create(try Note(customerID: customer.id, authorAgentID: UUID(), body: "call back", createdAt: Date()))
        _ = try store.applyPulled([], cursor: 42)

        #expect(try store.dropRecordsForFullResync() == nil, "two changes are not pushed yet")
        #expect(try store.record(Customer.self, id: customer.id) != nil && store.pullCursor() == 42)

        try store.settle(rejections: [], acknowledgedUpTo: Int64.max)
        #expect(try store.dropRecordsForFullResync() == 2)
        #expect(try store.record(Customer.self, id: customer.id) == nil)
        #expect(try store.pullCursor() == 0 && store.outboxDepth() == 0)
    }
}
