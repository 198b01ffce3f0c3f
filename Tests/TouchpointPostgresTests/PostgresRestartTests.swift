import Foundation
import Logging
import PostgresNIO
import Testing
import TouchpointModel
import TouchpointPostgres
import TouchpointPostgresTesting
import TouchpointProtocol
import TouchpointServer

/// The database ends every connection of the store in the middle of sync, as a
/// restart or a failover does (SQLSTATE 57P01), again and again: a push in
/// flight fails with UNAVAILABLE (retryable) or is answered, the agent sends a
/// refused batch again, the store reconnects — a request left waiting by a dead
/// pooled connection misses its deadline and the pool is opened again — and
/// nothing is lost or applied twice.
@Suite(.enabled(if: PostgresTestDatabase.isConfigured, PostgresTestDatabase.skipped))
struct PostgresRestartTests {
    @Test func connectionsEndedMidSyncGiveUnavailableAndRetriesLoseNothing() async throws {
        try await PostgresTestDatabase.withFreshDatabase { database in
            var configuration = database
            // A request a dead connection leaves waiting fails (UNAVAILABLE) after this, not never.
            configuration.requestTimeout = .seconds(3)
            let store = try await PostgresServerStore.open(configuration, logger: PostgresTestDatabase.logger)
            let service = SyncService(store: store)
            let agent = try Agent(name: "field", territories: ["north"])
            let token = try await store.addAgent(agent, now: Date())
            let principal = try await service.authenticate(token: token, site: SiteID.random(), protocolVersion: 1)

            // The "restarts": every few hundred milliseconds, every connection to the database ends.
            let restarts = Task {
                var ended = 0
                while !Task.isCancelled {
                    try? await Task.sleep(for: .milliseconds(Int.random(in: 50...300)))
                    ended += (try? await Self.endConnections(to: database)) ?? 0
                }
                return ended
            }
            var unavailable = 0
            var pushed: Set<UUID> = []
            for batch in 0..<30 {
                let entries = try (0..<5).map { offset in
                    SequencedChange(sequence: UInt64(batch * 5 + offset + 1), change: try TwoInstanceOrderingTests.newCustomer(by: principal))
                }
                pushed.formUnion(entries.map(\.change.id))
                // The agent's retry loop: the same batch again until acknowledged.
                var attempt = 0
                while true {
                    attempt += 1
                    do {
                        let ack = try await service.push(entries, from: principal)
                        #expect(ack.ackedSequence == entries.last!.sequence && ack.rejected.isEmpty)
                        break
                    } catch {
                        // What the agent reads on the wire.
                        let answer = ProtocolError(converting: error)
                        #expect(answer.code == .unavailable, "\(answer)")
                        unavailable += 1
                        try #require(attempt < 50, "the store did not reconnect")
                        try await Task.sleep(for: .milliseconds(50))
                    }
                }
            }
            restarts.cancel()
            let ended = await restarts.value
            #expect(ended > 0, "connections were ended while the agent pushed")
            let logged = try await store.changes(after: 0, limit: 10_000)
            #expect(Set(logged.map(\.change.id)) == pushed, "every pushed change is in the log (\(unavailable) pushes got UNAVAILABLE)")
            #expect(logged.count == pushed.count, "and only once")
            #expect(try await store.digest(territories: nil).entities["customer"]?.count == pushed.count)
            await store.shutdown()
        }
    }

    /// Ends every other connection to `database` (as the same role may); returns how many.
    static func endConnections(to database: PostgresConfiguration) async throws -> Int {
        try await database.withConnection(logger: PostgresTestDatabase.logger) { connection in
            let rows = try await connection.query(
                """
                SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> pg_backend_pid()
                """, logger: PostgresTestDatabase.logger)
            var ended = 0
            for try await terminated in rows.decode(Bool.self) where terminated { ended += 1 }
            return ended
        }
    }
}
