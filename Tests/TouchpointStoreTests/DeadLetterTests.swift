import Foundation
import GRDB
import Testing
import TouchpointModel
import TouchpointRecords
@testable import TouchpointStore

/// Items 10 and 15 of the field-work issue: a refused change is rolled back
/// locally, the agent's next edit is based on what the server holds, dead letters
/// can be listed, discarded and retried, and writes outside the agent's
/// territories are refused when they are made.
@Suite struct DeadLetterTests {
    let store: AgentStore
    let now = Date(timeIntervalSince1970: 1_750_000_000)
    let remote = FieldVersion(hlc: HLC(physical: 1_000, logical: 0), site: .random())

    init() throws {
        store = try AgentStore(writer: try DatabaseQueue())
        try store.initialize(agentID: UUID(), territories: ["north"])
    }

    /// A customer as pulled from the server.
    func pulledCustomer() throws -> Customer {
        let customer = try Customer(name: "Anika", segment: "smb", territory: "north")
        let change = Change(entity: .customer, id: customer.id, fields: customer.fields.keys.sorted().map {
            FieldChange(name: $0, value: customer.fields[$0]!, version: remote)
        })
        try store.applyPulled([change], cursor: 1, now: now)
        return customer
    }

    @Test func refusedEditIsRolledBackAndTheNextEditIsBasedOnTheServerVersion() throws {
        let customer = try pulledCustomer()
        try store.update(Customer.self, id: customer.id, now: now) { $0.segment = "refused" }
        let refused = try #require(try store.outbox().last)
        try store.deadLetter(seq: refused.seq, code: "PERMISSION_DENIED", message: "no")
        #expect(try store.record(Customer.self, id: customer.id)?.segment == "smb", "rolled back to the server's value")

        try store.update(Customer.self, id: customer.id, now: now) { $0.segment = "enterprise" }
        let next = try #require(try store.outbox().last?.change.fields.first { $0.name == "segment" })
        #expect(next.base == remote, "based on the version the server holds, so no spurious conflict")
    }

    @Test func refusedCreationIsRemovedWithItsDependents() throws {
        let customer = try Customer(name: "Nobody", territory: "north")
        try store.create(customer, now: now)
        try store.create(try Note(customerID: customer.id, authorAgentID: UUID(), body: "hi", createdAt: now), now: now)
        let created = try #require(try store.outbox().first)
        try store.settle(rejections: [(created.seq, "INVALID_ARGUMENT", "no")], acknowledgedUpTo: nil)
        #expect(try store.record(Customer.self, id: customer.id) == nil)
        #expect(try store.status().records["note"] == 0)
        #expect(try store.deadLetters().map(\.entry.seq) == [created.seq])
    }

    @Test func deadLettersCanBeRetriedAndDiscarded() throws {
        let customer = try Customer(name: "Nobody", territory: "north")
        try store.create(customer, now: now)
        let created = try #require(try store.outbox().first)
        try store.deadLetter(seq: created.seq, code: "FAILED_PRECONDITION", message: "no")
        #expect(try store.outboxDepth() == 0)

        #expect(try store.retryDeadLetters(nil, now: now) == 1)
        #expect(try store.deadLetters().isEmpty)
        #expect(try store.record(Customer.self, id: customer.id)?.name == "Nobody", "re-applied locally")
        let requeued = try #require(try store.outbox().last)
        #expect(requeued.seq > created.seq, "queued again under a new sequence")

        try store.deadLetter(seq: requeued.seq, code: "FAILED_PRECONDITION", message: "no")
        #expect(try store.discardDeadLetters([requeued.seq]) == 1)
        #expect(try store.deadLetters().isEmpty && store.outboxDepth() == 0)
    }

    @Test func writeOutsideTheAgentsTerritoriesIsRefusedWhenMade() throws {
        let error = #expect(throws: StoreError.self) { try store.create(try Customer(name: "Far", territory: "south"), now: now) }
        #expect(error?.message.contains("customer.territory: 'south' is outside this agent's territories (north)") == true)
        let customer = try pulledCustomer()
        #expect(throws: StoreError.self) { try store.update(Customer.self, id: customer.id) { $0.territory = "south" } }
        #expect(try store.outboxDepth() == 0)
    }
}
