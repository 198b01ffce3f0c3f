import Foundation
import Testing
import TouchpointClusterTesting
import TouchpointModel
import TouchpointServer
import TouchpointStore

extension ServerStoreConformance {
    /// What one laptop writes reaches the other through push and pull, over several
    /// pages (the in-process transport pulls 5 changes a page), and both laptops,
    /// the service and the store agree by digest.
    @Test(arguments: StoreKind.available)
    func pushAndPullRoundTripBetweenTwoAgents(kind: StoreKind) async throws {
        try await kind.withCluster(agents: [["north"], ["north"]]) { cluster in
            let (a, b) = (cluster.agents[0], cluster.agents[1])
            let customers = try (0..<12).map { try Customer(name: "Customer \($0)", territory: "north") }
            try a.store.create(customers)
            _ = try await a.sync()
            _ = try await b.sync()
            let call = try Interaction(
                customerID: customers[0].id, agentID: b.principal.agentID, occurredAt: Cluster.epoch, channel: .phone,
                touchpoint: "billing", stage: .support, outcome: .resolved)
            try b.store.create(call)
            try b.store.update(Customer.self, id: customers[1].id) { $0.segment = "enterprise" }
            try await Self.expectConverged([b, a])

            #expect(try a.store.record(Interaction.self, id: call.id)?.agentID == b.principal.agentID)
            #expect(try a.store.record(Customer.self, id: customers[1].id)?.segment == "enterprise")
            #expect(try b.store.list(Customer.self).count == 12)
            let server = try await cluster.server.digest(territories: ["north"])
            #expect(try a.store.digest() == server && (try b.store.digest()) == server)
            #expect(server.entities["customer"]?.count == 12 && server.entities["interaction"]?.count == 1)
            let stored = try #require(try await cluster.server.record(.customer, id: customers[1].id))
            #expect(stored.fields["segment"]?.value == .text("enterprise"))
            #expect(stored.fields["segment"]?.version.site == b.principal.site, "the field keeps its author's version")
            #expect(try await Self.log(cluster.server).count == 14, "12 creations, the interaction, the edit")
            #expect(try await cluster.server.head() == 14)
        }
    }
}
