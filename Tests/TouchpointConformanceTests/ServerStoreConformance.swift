import Testing
import TouchpointClusterTesting
import TouchpointModel
import TouchpointProtocol
import TouchpointServer
import TouchpointStore

/// The behaviour every ``ServerStore`` must show behind the sync server, one
/// behaviour per test, each run against every ``StoreKind/available`` kind.
///
/// Pushes and pulls go only through ``SyncService`` (and agents' ``SyncEngine``s);
/// results are read through the store's read methods. The tests live in the
/// extensions named after what they check.
@Suite struct ServerStoreConformance {
    /// Syncs `agents` in order twice (the first round pushes what each holds, the
    /// second brings each what the others pushed), then expects each to hold exactly
    /// what the server holds of its scope.
    static func expectConverged(_ agents: [Cluster.FieldAgent], sourceLocation: SourceLocation = #_sourceLocation) async throws {
        for agent in agents + agents { _ = try await agent.sync() }
        for agent in agents {
            #expect(
                try agent.store.digest() == (try await agent.transport.digest()), "\(agent.principal.name) converged",
                sourceLocation: sourceLocation)
            #expect(try agent.store.outboxDepth() == 0, "\(agent.principal.name) has nothing queued", sourceLocation: sourceLocation)
        }
    }

    /// Every change in the server's log, in sequence order.
    static func log(_ store: any ServerStore) async throws -> [SequencedChange] {
        try await store.changes(after: 0, limit: 10_000)
    }
}
