import Foundation
import Testing
import TouchpointClient
import TouchpointClusterTesting
import TouchpointModel
import TouchpointProtocol
import TouchpointRecords
import TouchpointServer
import TouchpointStore

/// Item 1 of the field-work issue: a customer moving territory, and territories
/// added to or removed from an agent, reach every agent whole or evict.
@Suite struct ScopeChangeTests {
    /// hub covers north and south; the others one each. A north customer with an
    /// interaction, a case, feedback, a follow-up and a note, synced everywhere.
    static func world() async throws -> (Cluster, Customer) {
        let cluster = try await Cluster(agents: [["north", "south"], ["north"], ["south"]])
        let hub = cluster.agents[0]
        let customer = try await cluster.sharedCustomer("Anika")
        let me = hub.principal.agentID
        let at = Date().addingTimeInterval(-3600)
        try hub.store.create(try Interaction(
            customerID: customer.id, agentID: me, occurredAt: at, channel: .phone, touchpoint: "billing", stage: .support,
            outcome: .resolved))
        try hub.store.create(try SupportCase(customerID: customer.id, subject: "Router", openedAt: at))
        try hub.store.create(try FeedbackResponse(customerID: customer.id, agentID: me, kind: .nps, score: 9, collectedAt: at))
        try hub.store.create(try FollowUp(customerID: customer.id, assigneeAgentID: me, dueAt: at + 86_400, createdAt: at))
        try hub.store.create(try Note(customerID: customer.id, authorAgentID: me, body: "prefers email", createdAt: at))
        for agent in cluster.agents { _ = try await agent.sync() }
        return (cluster, customer)
    }

    static func expectConverged(_ cluster: Cluster, _ agents: [Cluster.FieldAgent]) async throws {
        for agent in agents {
            _ = try await agent.sync()
            #expect(try agent.store.digest() == (try await agent.transport.digest()), "\(agent.principal.name) converged")
        }
    }

    @Test func customerMovingTerritoryReachesTheNewTerritoryWholeAndLeavesTheOld() async throws {
        let (cluster, customer) = try await Self.world()
        let (hub, north, south) = (cluster.agents[0], cluster.agents[1], cluster.agents[2])
        #expect(try south.store.record(Customer.self, id: customer.id) == nil)

        try hub.store.update(Customer.self, id: customer.id) { $0.territory = "south" }
        _ = try await hub.sync()
        _ = try await south.sync()
        _ = try await north.sync()

        let moved = try #require(try south.store.record(Customer.self, id: customer.id), "south receives the whole customer")
        #expect(moved.name == "Anika" && moved.territory == "south")
        for entity in ["interaction", "case", "feedback", "follow_up", "note"] {
            #expect(try south.store.status().records[entity] == 1, "south receives the \(entity)")
            #expect(try north.store.status().records[entity] == 0, "north evicts the \(entity)")
        }
        #expect(try north.store.record(Customer.self, id: customer.id) == nil, "north evicts the customer")
        #expect(try hub.store.record(Customer.self, id: customer.id)?.territory == "south", "the hub keeps it")

        // Later edits flow in the new territory only.
        try south.store.update(Customer.self, id: customer.id) { $0.segment = "enterprise" }
        try await Self.expectConverged(cluster, [south, hub, north])
        #expect(try hub.store.record(Customer.self, id: customer.id)?.segment == "enterprise")
    }

    @Test func territoryAddedToAnAgentBringsItsRecordsWhole() async throws {
        let (cluster, customer) = try await Self.world()
        var south = cluster.agents[2]
        try await cluster.server.setTerritories(["south", "north"], of: south.principal.agentID)
        south = try await cluster.reconnect(south)
        _ = try await south.sync()
        #expect(try south.store.record(Customer.self, id: customer.id)?.name == "Anika")
        #expect(try south.store.status().records["note"] == 1)
        try await Self.expectConverged(cluster, [south])
    }

    @Test func anAgentKeepsAtLeastOneTerritory() async throws {
        let (cluster, _) = try await Self.world()
        await #expect(throws: StoreError.self) { try await cluster.server.setTerritories([" "], of: cluster.agents[1].principal.agentID) }
        #expect(try await cluster.server.agents().first { $0.agent.id == cluster.agents[1].principal.agentID }?.agent.territories == ["north"])
    }

    @Test func territoryRemovedFromAnAgentIsEvicted() async throws {
        let (cluster, customer) = try await Self.world()
        var hub = cluster.agents[0]
        try await cluster.server.setTerritories(["south"], of: hub.principal.agentID)
        hub = try await cluster.reconnect(hub)
        _ = try await hub.sync()
        #expect(try hub.store.record(Customer.self, id: customer.id) == nil)
        #expect(try hub.store.status().records.values.allSatisfy { $0 == 0 })
        try await Self.expectConverged(cluster, [hub])
    }

    /// The whole record is logged as the session that moved it, so it reaches the
    /// agent that wrote its fields too (a pull skips an agent's own changes).
    @Test func customerMovingBackReachesItsAuthorWhole() async throws {
        let cluster = try await Cluster(agents: [["north", "south"], ["south"]])
        let (hub, south) = (cluster.agents[0], cluster.agents[1])
        let customer = try Customer(name: "Written in the south", territory: "south")
        try south.store.create(customer)
        // Every field of the note carries the south laptop's site.
        let note = try Note(customerID: customer.id, authorAgentID: south.principal.agentID, body: "from the south", createdAt: Date())
        try south.store.create(note)
        _ = try await south.sync()
        _ = try await hub.sync()
        try hub.store.update(Customer.self, id: customer.id) { $0.territory = "north" }
        _ = try await hub.sync()
        _ = try await south.sync()
        #expect(try south.store.record(Customer.self, id: customer.id) == nil, "evicted")
        try hub.store.update(Customer.self, id: customer.id) { $0.territory = "south" }
        _ = try await hub.sync()
        _ = try await south.sync()
        #expect(try south.store.record(Customer.self, id: customer.id)?.name == "Written in the south")
        #expect(try south.store.record(Note.self, id: note.id)?.body == "from the south", "its own note comes back whole")
        try await Self.expectConverged(cluster, [south, hub])
    }
}
