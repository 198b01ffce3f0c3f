import Logging
import PostgresNIO
import Testing
@testable import TouchpointPostgres
import TouchpointPostgresTesting

/// The migrator against a real server: each test on a database of its own.
@Suite(.enabled(if: PostgresTestDatabase.isConfigured, PostgresTestDatabase.skipped))
struct PostgresMigratorTests {
    let logger = PostgresTestDatabase.logger

    @Test func migratesOnceThenChangesNothing() async throws {
        try await PostgresTestDatabase.withFreshDatabase { database async throws in
            let migrator = PostgresMigrator()
            #expect(try await migrator.migrate(database, logger: logger) == PostgresSchema.migrations.map(\.name))
            #expect(try await migrator.migrate(database, logger: logger) == [])
            #expect(try await appliedMigrations(database) == PostgresSchema.migrations.map(\.name))
        }
    }

    @Test func concurrentMigratorsMigrateExactlyOnce() async throws {
        try await PostgresTestDatabase.withFreshDatabase { database async throws in
            // Each migrator on its own connection, as several server instances starting at once.
            let applied = try await withThrowingTaskGroup(of: [String].self) { group in
                for _ in 0..<4 {
                    group.addTask { try await PostgresMigrator().migrate(database, logger: logger) }
                }
                return try await group.reduce(into: [[String]]()) { $0.append($1) }
            }
            #expect(applied.filter { !$0.isEmpty } == [PostgresSchema.migrations.map(\.name)])
            #expect(try await appliedMigrations(database) == PostgresSchema.migrations.map(\.name))
        }
    }

    @Test func aMigratorWaitsWhileAnotherHoldsTheLock() async throws {
        try await PostgresTestDatabase.withFreshDatabase { database async throws in
            try await database.withConnection(logger: logger) { holder in
                try await holder.query("SELECT pg_advisory_lock(\(PostgresMigrator.lockKey))", logger: logger)
                async let applied = PostgresMigrator().migrate(database, logger: logger)
                // The migrator queues behind the lock (seen in pg_locks, not guessed from time), having changed nothing.
                var waiting = 0
                for _ in 0..<3000 where waiting == 0 {
                    waiting = try await count(
                        """
                        SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
                        AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                        """, holder)
                    if waiting == 0 { try await Task.sleep(for: .milliseconds(10)) }
                }
                try #require(waiting == 1, "the migrator never queued for the lock")
                #expect(try await count("SELECT count(*) FROM pg_tables WHERE tablename = 'schema_migrations'", holder) == 0)
                try await holder.query("SELECT pg_advisory_unlock(\(PostgresMigrator.lockKey))", logger: logger)
                #expect(try await applied == PostgresSchema.migrations.map(\.name))
            }
        }
    }

    @Test func aFailingMigrationLeavesTheSchemaAsItWas() async throws {
        try await PostgresTestDatabase.withFreshDatabase { database async throws in
            let broken = PostgresMigrator(migrations: [
                PostgresMigration("v1-good", ["CREATE TABLE good (id BIGINT)"]),
                PostgresMigration("v2-broken", ["CREATE TABLE broken (id NO_SUCH_TYPE)"]),
            ])
            let error = await #expect(throws: PostgresStoreError.self) { try await broken.migrate(database, logger: logger) }
            #expect(error?.code == .migration)
            #expect(error?.message.contains("no_such_type") == true, "\(error?.message ?? "")")
            #expect(try await appliedMigrations(database) == [])
            let good = try await database.withConnection(logger: logger) { connection in
                let rows = try await connection.query("SELECT to_regclass('good') IS NOT NULL", logger: logger)
                for try await exists in rows.decode(Bool.self) { return exists }
                return true
            }
            #expect(!good, "the first migration rolled back with the second")
        }
    }

    @Test func refusesASchemaFromANewerServer() async throws {
        try await PostgresTestDatabase.withFreshDatabase { database async throws in
            try await PostgresMigrator(migrations: [PostgresMigration("v1-a", []), PostgresMigration("v2-b", [])])
                .migrate(database, logger: logger)
            let older = PostgresMigrator(migrations: [PostgresMigration("v1-a", [])])
            let error = await #expect(throws: PostgresStoreError.self) { try await older.migrate(database, logger: logger) }
            #expect(error?.message.contains("v2-b") == true)
        }
    }

    private func count(_ sql: String, _ connection: PostgresConnection) async throws -> Int {
        for try await count in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).decode(Int.self) {
            return count
        }
        return 0
    }

    private func appliedMigrations(_ database: PostgresConfiguration) async throws -> [String] {
        try await database.withConnection(logger: logger) { try await PostgresMigrator().applied(on: $0, logger: logger) }
    }
}
