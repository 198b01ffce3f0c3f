import Foundation
import Testing
import TouchpointClusterTesting
import TouchpointModel
import TouchpointServer
import TouchpointStore

extension ServerStoreConformance {
    /// Seeded random creates, edits, deletes, moves between three territories and
    /// interactions by four agents, random syncs, and collections at random points:
    /// every agent — and a newcomer of every territory — ends with the server's digest
    /// of its scope.
    @Test(arguments: StoreKind.available, [UInt64(7), 19, 42])
    func randomHistoriesWithCollectionsAtRandomPointsConverge(kind: StoreKind, seed: UInt64) async throws {
        let territories = ["north", "south", "east"]
        try await kind.withCluster(agents: [territories, ["north"], ["south"], ["east"]]) { cluster in
            var random = SeededRandom(seed: seed)
            let agents = cluster.agents
            var collections = 0
            for step in 0..<120 {
                let agent = random.pick(agents)
                let held = try agent.store.list(Customer.self)
                switch random.int(0...9) {
                case 0, 1:
                    let territory = random.pick(agent.principal.territories)
                    try agent.store.create(try Customer(name: "C\(step)", territory: territory))
                case 2, 3:
                    guard let customer = held.isEmpty ? nil : random.pick(held) else { continue }
                    try agent.store.update(Customer.self, id: customer.id) { $0.segment = "s\(step)" }
                case 4:
                    guard let customer = held.isEmpty ? nil : random.pick(held) else { continue }
                    try agent.store.delete(.customer, id: customer.id)
                case 5:
                    let hub = agents[0]
                    let movable = try hub.store.list(Customer.self)
                    guard let customer = movable.isEmpty ? nil : random.pick(movable) else { continue }
                    try hub.store.update(Customer.self, id: customer.id) { $0.territory = random.pick(territories) }
                case 6:
                    guard let customer = held.isEmpty ? nil : random.pick(held) else { continue }
                    try agent.store.create(try Interaction(
                        customerID: customer.id, agentID: agent.principal.agentID, occurredAt: Cluster.epoch, channel: .chat,
                        touchpoint: "support", stage: .support, outcome: .resolved))
                case 7, 8:
                    _ = try await agent.sync()
                default:
                    _ = try await cluster.server.collectGarbage(.defaults, now: Date())
                    collections += 1
                }
            }
            try await Self.expectConverged(agents)
            _ = try await cluster.server.collectGarbage(.defaults, now: Date())
            try await Self.expectConverged(agents)
            for scope in [["north"], ["south"], ["east"], territories] {
                let newcomer = try await cluster.addAgent(name: "new-\(scope.joined(separator: "+"))", territories: scope)
                _ = try await newcomer.sync()
                #expect(try newcomer.store.digest() == (try await newcomer.transport.digest()), "seed \(seed): \(scope)")
            }
            #expect(collections > 0)
        }
    }
}
