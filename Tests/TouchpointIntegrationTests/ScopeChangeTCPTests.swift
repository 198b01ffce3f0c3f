import Foundation
import Testing
import TouchpointClient
import TouchpointModel
import TouchpointStore

/// Issue 8 item 1 over real TCP: a customer moving territory reaches the agents of
/// its new territory whole, with its dependents, and leaves the agents of the old one.
@Suite struct ScopeChangeTCPTests {
    @Test func customerMovingTerritoryOverTCP() async throws {
        let live = try await LiveServer.start()
        defer { Task { await live.stop() } }
        let hub = try await live.laptop("Hub", territories: ["north", "south"])
        let north = try await live.laptop("North", territories: ["north"])
        let south = try await live.laptop("South", territories: ["south"])
        let customer = try Customer(name: "Anika", territory: "north")
        let at = Date().addingTimeInterval(-3600)
        try hub.store.create(customer)
        try hub.store.create(try Interaction(
            customerID: customer.id, agentID: hub.agentID, occurredAt: at, channel: .phone, touchpoint: "billing",
            stage: .support, outcome: .resolved))
        try hub.store.create(try SupportCase(customerID: customer.id, subject: "Router", openedAt: at))
        try hub.store.create(try Note(customerID: customer.id, authorAgentID: hub.agentID, body: "prefers email", createdAt: at))
        for laptop in [hub, north, south] { try await laptop.syncOnce() }
        #expect(try north.store.record(Customer.self, id: customer.id) != nil)
        #expect(try south.store.record(Customer.self, id: customer.id) == nil)

        try hub.store.update(Customer.self, id: customer.id) { $0.territory = "south" }
        for laptop in [hub, south, north] {
            #expect(try await laptop.syncOnce().rejected == 0)
        }

        let moved = try #require(try south.store.record(Customer.self, id: customer.id), "south receives the whole customer")
        #expect(moved.name == "Anika" && moved.territory == "south")
        #expect(try north.store.record(Customer.self, id: customer.id) == nil, "north evicts the customer")
        for entity in ["interaction", "case", "note"] {
            #expect(try south.store.status().records[entity] == 1, "south receives the \(entity)")
            #expect(try north.store.status().records[entity] == 0, "north evicts the \(entity)")
            #expect(try hub.store.status().records[entity] == 1, "the hub keeps the \(entity)")
        }
        for (name, laptop) in [("hub", hub), ("north", north), ("south", south)] {
            let result = try await laptop.verify()
            #expect(result.converged, "\(name) differs from the server in \(result.differing)")
            #expect(try laptop.store.status().deadLetters == 0)
        }
    }
}
