import Foundation
import Testing
import TouchpointClusterTesting
import TouchpointModel
import TouchpointProtocol
import TouchpointServer
import TouchpointStore

extension ServerStoreConformance {
    /// What admins see of each agent: the highest outbox sequence acknowledged, the
    /// pull cursor and its lag, the site of its session, and its latest error.
    @Test(arguments: StoreKind.available)
    func agentsShowTheirSyncState(kind: StoreKind) async throws {
        try await kind.withCluster(agents: [["north"], ["north"]]) { cluster in
            let (a, b) = (cluster.agents[0], cluster.agents[1])
            try a.store.create(try (0..<3).map { try Customer(name: "Customer \($0)", territory: "north") })
            _ = try await a.sync()
            func state(_ agent: Cluster.FieldAgent) async throws -> AgentSyncState {
                try #require(try await cluster.server.agents().first { $0.agent.id == agent.principal.agentID })
            }

            let writer = try await state(a)
            #expect(writer.ackedOutbox == 3, "its three changes are acknowledged")
            #expect(writer.cursor == 3 && writer.lag == 0)
            #expect(writer.site == a.principal.site.description && writer.lastSync != nil && writer.lastError == nil)
            let reader = try await state(b)
            #expect(reader.ackedOutbox == 0 && reader.cursor == 0 && reader.lag == 3, "b has not pulled yet")

            _ = try await b.sync()
            let caughtUp = try await state(b)
            #expect(caughtUp.cursor == 3 && caughtUp.lag == 0)

            // A change stamped an hour ahead: the service refuses it and records why.
            let skewed = b.creation(of: try Customer(name: "Future", territory: "north"), ahead: 3_600)
            let error = await #expect(throws: ProtocolError.self) { try await b.push([skewed]) }
            #expect(error?.code == .failedPrecondition)
            let failing = try await state(b)
            #expect(failing.lastError?.contains("ahead") == true, "\(failing.lastError ?? "no last error")")
            #expect(try await state(a).lastError == nil, "another agent's error is its own")
        }
    }
}
