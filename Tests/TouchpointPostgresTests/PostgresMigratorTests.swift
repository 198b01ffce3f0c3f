import Logging
import PostgresNIO
import Testing
import TouchpointPostgres

/// The migrator against a real server: each test on a database of its own.
@Suite(.enabled(if: PostgresTestDatabase.isConfigured, PostgresTestDatabase.skipped))
struct PostgresMigratorTests {
    let logger = PostgresTestDatabase.logger

    @Test func migratesOnceThenChangesNothing() async throws {
        try await PostgresTestDatabase.withFreshDatabase { database in
            let migrator = PostgresMigrator()
            #expect(try await migrator.migrate(database, logger: logger) == PostgresSchema.migrations.map(\.name))
            #expect(try await migrator.migrate(database, logger: logger) == [])
            #expect(try await appliedMigrations(database) == PostgresSchema.migrations.map(\.name))
        }
    }

    @Test func concurrentMigratorsMigrateExactlyOnce() async throws {
        try await PostgresTestDatabase.withFreshDatabase { database in
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

    @Test func aFailingMigrationLeavesTheSchemaAsItWas() async throws {
        try await PostgresTestDatabase.withFreshDatabase { database in
            let broken = PostgresMigrator(migrations: [
                PostgresMigration("v1-good", ["CREATE TABLE good (id BIGINT)"]),
                PostgresMigration("v2-broken", ["CREATE TABLE broken (id NO_SUCH_TYPE)"]),
            ])
            let error = await #expect(throws: PostgresError.self) { try await broken.migrate(database, logger: logger) }
            #expect(error?.code == .migration)
            #expect(error?.message.contains("no_such_type") == true, "\(error?.message ?? "")")
            #expect(try await appliedMigrations(database) == [])
        }
    }

    @Test func refusesASchemaFromANewerServer() async throws {
        try await PostgresTestDatabase.withFreshDatabase { database in
            try await PostgresMigrator(migrations: [PostgresMigration("v1-a", []), PostgresMigration("v2-b", [])])
                .migrate(database, logger: logger)
            let older = PostgresMigrator(migrations: [PostgresMigration("v1-a", [])])
            let error = await #expect(throws: PostgresError.self) { try await older.migrate(database, logger: logger) }
            #expect(error?.message.contains("v2-b") == true)
        }
    }

    private func appliedMigrations(_ database: PostgresConfiguration) async throws -> [String] {
        try await database.withConnection(logger: logger) { try await PostgresMigrator().applied(on: $0, logger: logger) }
    }
}
