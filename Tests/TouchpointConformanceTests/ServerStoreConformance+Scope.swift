import Foundation
import Testing
import TouchpointClusterTesting
import TouchpointModel
import TouchpointProtocol
import TouchpointServer
import TouchpointStore

extension ServerStoreConformance {
    /// A hub covering north and south writes a customer with an interaction in each:
    /// the north agent's pulls never carry a south record.
    @Test(arguments: StoreKind.available)
    func anAgentNeverReceivesRecordsOutsideItsTerritories(kind: StoreKind) async throws {
        try await kind.withCluster(agents: [["north", "south"], ["north"], ["south"]]) { cluster in
            let (hub, north, south) = (cluster.agents[0], cluster.agents[1], cluster.agents[2])
            let (n, s) = (try Customer(name: "N", territory: "north"), try Customer(name: "S", territory: "south"))
            try hub.store.create([n, s])
            for customer in [n, s] {
                try hub.store.create(try Interaction(
                    customerID: customer.id, agentID: hub.principal.agentID, occurredAt: Cluster.epoch, channel: .chat,
                    touchpoint: "support", stage: .support, outcome: .resolved))
            }
            try await Self.expectConverged([hub, north, south])

            #expect(try north.store.list(Customer.self).map(\.name) == ["N"])
            #expect(try south.store.list(Customer.self).map(\.name) == ["S"])
            #expect(try north.store.list(Interaction.self).map(\.customerID) == [n.id])
            let page = try await cluster.service.pull(after: 0, limit: 1_000, for: north.principal)
            let southIDs = Set(try south.store.list(Interaction.self).map(\.id) + [s.id])
            #expect(!page.changes.isEmpty && page.changes.allSatisfy { !southIDs.contains($0.change.id) })
        }
    }

    /// Changes into a territory outside the pusher's scope are refused one by one
    /// with PERMISSION_DENIED; the rest of the batch is applied.
    @Test(arguments: StoreKind.available)
    func pushingOutsideTheScopeIsRefusedPerChange(kind: StoreKind) async throws {
        try await kind.withCluster(agents: [["north"], ["south"]]) { cluster in
            let (north, south) = (cluster.agents[0], cluster.agents[1])
            let home = try Customer(name: "Home", territory: "north")
            let elsewhere = try Customer(name: "Elsewhere", territory: "south")
            let theirs = try Customer(name: "Theirs", territory: "south")
            try south.store.create(theirs)
            _ = try await south.sync()
            let stored = try await cluster.server.record(.customer, id: theirs.id)

            let foreignEdit = Change(entity: .customer, id: theirs.id, fields: [
                FieldChange(name: "segment", value: .text("smb"), version: north.stamp())
            ])
            let outcome = try await north.push([north.creation(of: elsewhere), north.creation(of: home), foreignEdit])
            #expect(outcome.rejected.map(\.sequence) == [1_000, 1_002])
            #expect(outcome.rejected.allSatisfy { $0.code == .permissionDenied })
            #expect(outcome.applied == 1 && outcome.ackedSequence == 1_002)
            #expect(try await cluster.server.record(.customer, id: home.id) != nil)
            #expect(try await cluster.server.record(.customer, id: elsewhere.id) == nil)
            #expect(try await cluster.server.record(.customer, id: theirs.id) == stored, "south's customer is untouched")
        }
    }

    /// A customer moving north → south: north agents evict it and its dependents,
    /// south agents receive it whole, dependents included.
    @Test(arguments: StoreKind.available)
    func aCustomerMovingTerritoryIsEvictedInTheOldAndArrivesWholeInTheNew(kind: StoreKind) async throws {
        try await kind.withCluster(agents: [["north", "south"], ["north"], ["south"]]) { cluster in
            let (hub, north, south) = (cluster.agents[0], cluster.agents[1], cluster.agents[2])
            let customer = try Customer(name: "Anika", segment: "smb", territory: "north")
            let me = hub.principal.agentID
            let at = Cluster.epoch
            try hub.store.create(customer)
            try hub.store.create([
                try Interaction(
                    customerID: customer.id, agentID: me, occurredAt: at, channel: .phone, touchpoint: "billing", stage: .support,
                    outcome: .resolved),
                try SupportCase(customerID: customer.id, subject: "Router", openedAt: at),
                try Note(customerID: customer.id, authorAgentID: me, body: "prefers email", createdAt: at),
            ])
            try await Self.expectConverged([hub, north, south])
            #expect(try north.store.record(Customer.self, id: customer.id) != nil)
            #expect(try south.store.record(Customer.self, id: customer.id) == nil)

            try hub.store.update(Customer.self, id: customer.id) { $0.territory = "south" }
            try await Self.expectConverged([hub, north, south])

            #expect(try north.store.record(Customer.self, id: customer.id) == nil, "north evicts the customer")
            let moved = try #require(try south.store.record(Customer.self, id: customer.id), "south receives the customer")
            #expect(moved.name == "Anika" && moved.segment == "smb" && moved.territory == "south", "whole")
            for entity in ["interaction", "case", "note"] {
                #expect(try north.store.status().records[entity] == 0, "north evicts the \(entity)")
                #expect(try south.store.status().records[entity] == 1, "south receives the \(entity)")
            }
            #expect(try await cluster.server.digest(territories: ["north"]).entities["customer"]?.count == 0)
        }
    }
}
