import Foundation
import Testing
import TouchpointClient
import TouchpointClusterTesting
import TouchpointModel
import TouchpointProtocol
import TouchpointServer
import TouchpointStore

extension ServerStoreConformance {
    /// Collections running while three agents create, delete and sync — two
    /// collections at a time, as two server instances on one PostgreSQL would run
    /// them: none fails or waits for good, and every agent and a newcomer converge.
    @Test(arguments: StoreKind.available)
    func collectionsWhileAgentsSyncLoseNothing(kind: StoreKind) async throws {
        try await kind.withCluster(agents: [["north"], ["north"], ["north"]]) { cluster in
            let service = cluster.service
            let server = cluster.server
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (index, agent) in cluster.agents.enumerated() {
                    let (store, principal) = (agent.store, agent.principal)
                    group.addTask {
                        let engine = SyncEngine(store: store)
                        let transport = InProcessTransport(service: service, principal: principal)
                        var mine: [UUID] = []
                        for round in 0..<15 {
                            let customer = try Customer(name: "A\(index)-\(round)", territory: "north")
                            try store.create(customer)
                            mine.append(customer.id)
                            if round % 3 == 2 { try store.delete(.customer, id: mine.removeFirst()) }
                            _ = try await engine.sync(over: transport)
                        }
                    }
                }
                for _ in 0..<2 {
                    group.addTask {
                        for _ in 0..<10 { _ = try await server.collectGarbage(.defaults, now: Date()) }
                    }
                }
                try await group.waitForAll()
            }
            try await Self.expectConverged(cluster.agents)
            _ = try await server.collectGarbage(.defaults, now: Date())
            let newcomer = try await cluster.addAgent(name: "newcomer", territories: ["north"])
            _ = try await newcomer.sync()
            #expect(try newcomer.store.digest() == (try await newcomer.transport.digest()))
            #expect(try newcomer.store.list(Customer.self).count == 30, "3 agents × 15 created, 5 each deleted")
        }
    }
}

extension ServerStoreConformance {
    /// An agent that goes back to 0 (a territory added, a reset site, a restored
    /// server) holds the horizon at 0 from its first pull: a delete it has yet to read
    /// again is not purged under it, so it cannot keep the record it deleted.
    @Test(arguments: StoreKind.available)
    func anAgentPullingFromZeroAgainHoldsTheHorizonBack(kind: StoreKind) async throws {
        try await kind.withCluster(agents: [["south"], ["north"]]) { cluster in
            let (south, north) = (cluster.agents[0], cluster.agents[1])
            let gone = try Customer(name: "Gone", territory: "south")
            try south.store.create([gone, try Customer(name: "Kept", territory: "south")])
            _ = try await south.sync()
            try south.store.delete(.customer, id: gone.id)
            try south.store.create(try Customer(name: "Later", territory: "south"))
            try await Self.expectConverged([south, north])

            try await cluster.server.setTerritories(["north", "south"], of: north.principal.agentID)
            let widened = try await cluster.reconnect(north)
            _ = try widened.store.adoptTerritories(["north", "south"])
            #expect(try widened.store.pullCursor() == 0)
            // Its first page from 0 (Gone's creation) is applied; then a collection runs.
            let first = try await cluster.service.pull(after: 0, limit: 1, for: widened.principal)
            _ = try widened.store.applyPulled(first.changes.map(\.change), cursor: first.nextCursor)
            let report = try await cluster.server.collectGarbage(.defaults, now: Date())
            #expect(report.horizon == 0 && report.tombstonesPurged == 0)
            _ = try await widened.sync()
            #expect(try widened.store.record(Customer.self, id: gone.id) == nil, "the delete still reached it")
            try await Self.expectConverged([south, widened])
        }
    }
}
