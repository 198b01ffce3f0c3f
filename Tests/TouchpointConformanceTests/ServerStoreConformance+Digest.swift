import Foundation
import Testing
import TouchpointClusterTesting
import TouchpointModel
import TouchpointServer
import TouchpointStore

extension ServerStoreConformance {
    /// The store's digest of one territory is what an agent of that territory holds;
    /// the whole digest is what a hub covering every territory holds, and what an
    /// admin's session is given.
    @Test(arguments: StoreKind.available)
    func digestsPerTerritoryAndWholeMatchWhatAgentsHold(kind: StoreKind) async throws {
        try await kind.withCluster(agents: [["north", "south"], ["north"], ["south"]]) { cluster in
            let (hub, north, south) = (cluster.agents[0], cluster.agents[1], cluster.agents[2])
            let customers = try [("N1", "north"), ("N2", "north"), ("S1", "south")].map { try Customer(name: $0.0, territory: $0.1) }
            try hub.store.create(customers)
            try hub.store.create(try FeedbackResponse(customerID: customers[2].id, kind: .csat, score: 5, collectedAt: Cluster.epoch))
            try await Self.expectConverged([hub, north, south])

            let northDigest = try await cluster.server.digest(territories: ["north"])
            let southDigest = try await cluster.server.digest(territories: ["south"])
            let whole = try await cluster.server.digest(territories: nil)
            #expect(try north.store.digest() == northDigest && (try south.store.digest()) == southDigest)
            #expect(try hub.store.digest() == whole)
            #expect(try await cluster.server.digest(territories: ["north", "south"]) == whole)
            #expect(northDigest.entities["customer"]?.count == 2 && southDigest.entities["customer"]?.count == 1)
            #expect(whole.entities["customer"]?.count == 3 && whole.entities["feedback"]?.count == 1)
            #expect(northDigest != whole && southDigest != whole)
            let admin = try await cluster.addAgent(name: "root", territories: [], role: .admin)
            #expect(try await cluster.service.digest(for: admin.principal) == whole)
            #expect(try await cluster.service.digest(for: admin.principal, agent: north.principal.agentID) == northDigest)
        }
    }
}
