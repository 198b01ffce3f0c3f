import Foundation
import Testing
import TouchpointClusterTesting
import TouchpointModel
import TouchpointServer
import TouchpointStore

/// Restores. A restored server is told apart by its store's epoch (sent in Welcome)
/// or by a head below an agent's cursor; the agent then replays what it holds and
/// pulls from 0. Restoring a backup is a per-backend operation (a file copy for
/// SQLite, pg_restore for PostgreSQL), so what every store contributes is checked
/// here: an epoch that survives reopening and differs between stores, and a new
/// store that takes a full replay from the agents back to what the old one held.
/// The Welcome side is covered over TCP by the integration tests' RestoreTests.
extension ServerStoreConformance {
    /// Reopening the same store keeps its identity and its data; another store of
    /// the same kind has an identity of its own.
    @Test(arguments: StoreKind.available)
    func theEpochSurvivesReopeningAndDiffersBetweenStores(kind: StoreKind) async throws {
        try await kind.withStore { subject in
            let cluster = try await Cluster(store: subject.store, agents: [["north"]])
            let customer = try await cluster.sharedCustomer("Anika")
            let first = try await subject.store.info()
            #expect(first.backend == kind.rawValue && first.head == 1)

            let reopened = try await subject.reopen()
            let again = try await reopened.info()
            #expect(again.epoch == first.epoch && again.serverID == first.serverID, "a restart is not a restore")
            #expect(again.head == first.head)
            let record = try await subject.store.record(.customer, id: customer.id)
            let reread = try await reopened.record(.customer, id: customer.id)
            #expect(record != nil && reread == record, "the data is still there")

            let other = try await kind.withStore { try await $0.store.info() }
            #expect(other.epoch != first.epoch && other.serverID != first.serverID)
        }
    }

    /// A store re-created empty (new epoch) gets back everything the agents held of
    /// the old one once they replay it, as the sync engine does when Welcome
    /// shows a new epoch.
    @Test(arguments: StoreKind.available)
    func aRecreatedStoreConvergesFromTheAgentsReplay(kind: StoreKind) async throws {
        try await kind.withCluster(agents: [["north"], ["north"]]) { old in
            let (a, b) = (old.agents[0], old.agents[1])
            let anika = try await old.sharedCustomer("Anika")
            try a.store.create(try Customer(name: "Carmen", territory: "north"))
            try b.store.update(Customer.self, id: anika.id) { $0.segment = "enterprise" }
            try b.store.create(try Interaction(
                customerID: anika.id, agentID: b.principal.agentID, occurredAt: Cluster.epoch, channel: .email,
                touchpoint: "renewal", stage: .renewal, outcome: .resolved))
            try await Self.expectConverged([a, b])
            let held = try await old.server.digest(territories: nil)
            let oldEpoch = try await old.server.info().epoch

            try await kind.withStore { subject in
                let recreated = try await Cluster(store: subject.store, agents: [])
                let epoch = try await subject.store.info().epoch
                #expect(epoch != oldEpoch, "agents can tell the store was re-created")
                var laptops: [Cluster.FieldAgent] = []
                for agent in [a, b] {
                    let laptop = try await recreated.enrol(agent)
                    try laptop.store.replayForRestoredServer(epoch: epoch)
                    laptops.append(laptop)
                }
                try await Self.expectConverged(laptops)
                #expect(try await subject.store.digest(territories: nil) == held, "nothing the old store held is lost")
                #expect(try b.store.record(Customer.self, id: anika.id)?.segment == "enterprise")
            }
        }
    }
}
