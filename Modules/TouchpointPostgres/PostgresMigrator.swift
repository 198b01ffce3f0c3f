import Logging
import PostgresNIO

/// Brings a PostgreSQL database to the current schema: applies, in order, the
/// migrations not yet recorded in `schema_migrations`.
///
/// Several server instances may start at once on one database: the migrator
/// takes a transaction-scoped advisory lock (`pg_advisory_xact_lock`) before it
/// reads `schema_migrations`, so one instance migrates while the others wait,
/// then find every migration applied and change nothing. All pending migrations
/// run in one transaction (PostgreSQL's DDL is transactional): a failure leaves
/// the schema as it was, and the lock goes with the transaction, even when the
/// connection drops.
///
/// ```swift
/// let applied = try await PostgresMigrator().migrate(try PostgresConfiguration(url: url), logger: logger)
/// ```
public struct PostgresMigrator: Sendable {
    /// The migrations, in the order they apply.
    public var migrations: [PostgresMigration]

    /// The advisory lock key that serializes migrations of one database: the
    /// first eight bytes of "tpschema" (advisory locks are per database).
    static let lockKey: Int64 = 0x7470_7363_6865_6D61

    /// A migrator of the server schema (``PostgresSchema/migrations``) or of `migrations`.
    public init(migrations: [PostgresMigration] = PostgresSchema.migrations) {
        self.migrations = migrations
    }

    /// Connects to `configuration`'s database and migrates it.
    ///
    /// - Returns: The names of the migrations this call applied (none when the schema was current).
    @discardableResult
    public func migrate(_ configuration: PostgresConfiguration, logger: Logger) async throws -> [String] {
        do {
            return try await configuration.withConnection(logger: logger) { try await migrate(on: $0, logger: logger) }
        } catch let error as PostgresStoreError where error.code == .server {
            throw PostgresStoreError(.migration, "migrating the PostgreSQL schema failed: \(error.message)", cause: error)
        }
    }

    /// Migrates the database `connection` is open on, in one transaction; a
    /// failing statement throws postgres-nio's `PSQLError` (``migrate(_:logger:)``
    /// words it in one line).
    ///
    /// - Returns: The names of the migrations this call applied.
    @discardableResult
    public func migrate(on connection: PostgresConnection, logger: Logger) async throws -> [String] {
        try await connection.query("BEGIN", logger: logger)
        do {
            try await connection.query("SELECT pg_advisory_xact_lock(\(Self.lockKey))", logger: logger)
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL UNIQUE, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())
                """,
                logger: logger)
            let pending = try pendingMigrations(applied: try await applied(on: connection, logger: logger))
            for migration in pending {
                logger.info("applying PostgreSQL migration", metadata: ["migration": "\(migration.name)"])
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query("INSERT INTO schema_migrations (name) VALUES (\(migration.name))", logger: logger)
            }
            try await connection.query("COMMIT", logger: logger)
            return pending.map(\.name)
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
    }

    /// The names recorded in `schema_migrations`, oldest first; none before the first migration.
    public func applied(on connection: PostgresConnection, logger: Logger) async throws -> [String] {
        let exists = try await connection.query("SELECT to_regclass('schema_migrations') IS NOT NULL", logger: logger)
        for try await exists in exists.decode(Bool.self) where !exists { return [] }
        let rows = try await connection.query("SELECT name FROM schema_migrations ORDER BY id", logger: logger)
        var names: [String] = []
        for try await name in rows.decode(String.self) { names.append(name) }
        return names
    }

    /// The migrations still to run after `applied`; a database that ran a
    /// migration this build does not know was migrated by a newer server.
    func pendingMigrations(applied: [String]) throws(PostgresStoreError) -> [PostgresMigration] {
        let known = Set(migrations.map(\.name))
        if let unknown = applied.first(where: { !known.contains($0) }) {
            throw PostgresStoreError(
                .migration,
                "the PostgreSQL schema has migration \(unknown), which this server does not know: it was migrated by a newer touchpoint-server")
        }
        let done = Set(applied)
        return migrations.filter { !done.contains($0.name) }
    }
}
