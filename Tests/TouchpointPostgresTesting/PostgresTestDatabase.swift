import Foundation
import Logging
import PostgresNIO
import Testing
import TouchpointPostgres

/// The PostgreSQL server the tests use: `TOUCHPOINT_TEST_POSTGRES_URL`, whose
/// role may create databases (`.ci/run` starts a throwaway cluster and sets it;
/// docs/postgres.md says how to get one on a laptop). Without it the suites that
/// need a server are skipped, with a message, so `swift test` passes anyway.
///
/// Each test gets a database of its own, created from `template0` and dropped
/// afterwards: tests run in parallel, and advisory locks are per database too.
package enum PostgresTestDatabase {
    package static let url = ProcessInfo.processInfo.environment["TOUCHPOINT_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    /// Whether a server was given.
    package static var isConfigured: Bool { url != nil }

    /// The message a skipped suite shows.
    package static let skipped: Comment = "TOUCHPOINT_TEST_POSTGRES_URL not set: PostgreSQL tests skipped"

    package static let logger = Logger(label: "touchpoint.postgres.tests") { _ in SwiftLogNoOpLogHandler() }

    /// The server from the environment.
    package static func server() throws -> PostgresConfiguration {
        guard let url else { throw PostgresStoreError(.invalidURL, "\(skipped)") }
        return try PostgresConfiguration(url: url)
    }

    /// Runs `body` with the configuration of a new, empty database, dropped afterwards.
    package static func withFreshDatabase<Result: Sendable>(
        _ body: (PostgresConfiguration) async throws -> Result
    ) async throws -> Result {
        try await server().withScratchDatabase(prefix: "tp_test_", logger: logger, body)
    }

    /// Runs one SQL statement on `database` over a connection of its own, as an
    /// operator with `psql` would: what the store's own rules (triggers, constraints) refuse throws.
    package static func execute(_ sql: String, on database: PostgresConfiguration) async throws {
        try await database.withConnection(logger: logger) { connection in
            _ = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
        }
    }
}
