import Foundation
import Testing
import TouchpointClusterTesting
import TouchpointModel
import TouchpointProtocol
import TouchpointServer
import TouchpointStore

extension ServerStoreConformance {
    /// Two agents edit one field concurrently: the merge rule picks one winner on
    /// every replica, the losing value is kept in a conflict, and an admin keeping
    /// the loser writes it back to both agents.
    @Test(arguments: StoreKind.available)
    func concurrentEditsKeepTheLoserAndItsResolutionPropagates(kind: StoreKind) async throws {
        try await kind.withCluster(agents: [["north"], ["north"]]) { cluster in
            let (a, b) = (cluster.agents[0], cluster.agents[1])
            let customer = try await cluster.sharedCustomer("Anika")
            try a.store.update(Customer.self, id: customer.id) { $0.segment = "smb" }
            try b.store.update(Customer.self, id: customer.id) { $0.segment = "enterprise" }
            try await Self.expectConverged([a, b])

            let conflicts = try await cluster.server.conflicts(ConflictFilter())
            #expect(conflicts.count == 1)
            let conflict = try #require(conflicts.first)
            #expect(conflict.entityID == customer.id && conflict.field == "segment")
            #expect(Set([conflict.winner.value, conflict.loser.value]) == [.text("smb"), .text("enterprise")], "both values kept")
            #expect(Set([conflict.winner.agent, conflict.loser.agent]) == [a.principal.agentID, b.principal.agentID])
            let single = try await cluster.server.conflict(id: conflict.id)
            #expect(single?.winner == conflict.winner && single?.loser == conflict.loser, "one conflict by id is the listed one")
            #expect(try await cluster.server.info().openConflicts == 1)
            let winner = conflict.winner.value.text
            for agent in [a, b] {
                #expect(try agent.store.record(Customer.self, id: customer.id)?.segment == winner, "one winner everywhere")
            }
            #expect(try await cluster.server.record(.customer, id: customer.id)?.fields["segment"]?.value == conflict.winner.value)

            let admin = try await cluster.addAgent(name: "root", territories: [], role: .admin)
            let resolved = try await cluster.server.resolveConflict(
                id: conflict.id, keep: .loser, by: admin.principal.agentID, now: Date())
            #expect(resolved.resolvedAt != nil)
            #expect(try await cluster.server.conflict(id: conflict.id)?.resolvedAt != nil)
            #expect(try await cluster.server.info().openConflicts == 0)
            try await Self.expectConverged([a, b])
            for agent in [a, b] {
                let segment = try agent.store.record(Customer.self, id: customer.id)?.segment
                #expect(segment == conflict.loser.value.text, "the kept loser reaches both")
            }
        }
    }
}
