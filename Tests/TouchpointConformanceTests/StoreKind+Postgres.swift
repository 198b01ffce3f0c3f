import Synchronization
import Testing
import TouchpointPostgres
import TouchpointPostgresTesting
import TouchpointServer

extension StoreKind {
    /// Why the PostgreSQL cases are left out, or nil when they run.
    static var postgresUnavailableReason: String? {
        PostgresTestDatabase.isConfigured ? nil : PostgresTestDatabase.skipped.rawValue
    }

    /// A store on a database of its own, dropped afterwards (tests run in parallel);
    /// every store the test opened on it (``StoreUnderTest/reopen``) is shut down first.
    static func withPostgresStore<Result: Sendable>(_ body: (StoreUnderTest) async throws -> Result) async throws -> Result {
        try await PostgresTestDatabase.withFreshDatabase { database in
            let opened = Mutex<[PostgresServerStore]>([])
            func shutDown() async {
                for store in opened.withLock({ $0 }) { await store.shutdown() }
            }
            do {
                let result = try await body(
                    try await StoreUnderTest(kind: .postgres) {
                        let store = try await PostgresServerStore.open(database, logger: PostgresTestDatabase.logger)
                        opened.withLock { $0.append(store) }
                        return store
                    } execute: { sql in
                        try await PostgresTestDatabase.execute(sql, on: database)
                    })
                await shutDown()
                return result
            } catch {
                await shutDown()
                throw error
            }
        }
    }
}
