import Foundation
import Testing
import TouchpointClient
import TouchpointClusterTesting
import TouchpointModel
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
