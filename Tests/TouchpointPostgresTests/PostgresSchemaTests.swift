import PostgresNIO
import Testing
import TouchpointModel
import TouchpointPostgres
import TouchpointPostgresTesting
import TouchpointRecords

/// The PostgreSQL record tables are the SQLite store's: the same tables, and
/// columns that are the descriptors' fields — same names in the same order, NOT
/// NULL exactly where a field is required, BIGINT where it travels as an
/// integer. Migrations are frozen once shipped, so this is checked, not derived.
@Suite(.enabled(if: PostgresTestDatabase.isConfigured, PostgresTestDatabase.skipped))
struct PostgresSchemaTests {
    let logger = PostgresTestDatabase.logger

    @Test func recordColumnsAreTheDescriptorsFields() async throws {
        try await PostgresTestDatabase.withFreshDatabase { database async throws in
            try await PostgresMigrator().migrate(database, logger: logger)
            try await database.withConnection(logger: logger) { connection in
                for entity in EntityType.allCases {
                    let table = RecordSchema.table(entity)
                    let rows = try await connection.query(
                        """
                        SELECT column_name, is_nullable, data_type FROM information_schema.columns
                        WHERE table_schema = current_schema() AND table_name = \(table) ORDER BY ordinal_position
                        """, logger: logger)
                    var fields: [(name: String, notNull: Bool, type: String)] = []
                    for try await (name, nullable, type) in rows.decode((String, String, String).self)
                    where !["id", "deleted", "_versions", "_extra"].contains(name) {
                        fields.append((name, nullable == "NO", type))
                    }
                    #expect(fields.map(\.name) == entity.descriptor.names, "\(table)")
                    for (column, field) in zip(fields, entity.descriptor.fields) {
                        #expect(column.notNull == field.isRequired, "\(table).\(field.name) NOT NULL")
                        #expect((column.type == "bigint") == field.kind.isInteger, "\(table).\(field.name) type")
                    }
                }
            }
        }
    }

    @Test func theChangeLogIsIndexedByTerritoryAndSequence() async throws {
        try await PostgresTestDatabase.withFreshDatabase { database async throws in
            try await PostgresMigrator().migrate(database, logger: logger)
            let definition = try await database.withConnection(logger: logger) { connection in
                let rows = try await connection.query(
                    "SELECT indexdef FROM pg_indexes WHERE tablename = 'changes' AND indexname = 'changes_territory'",
                    logger: logger)
                for try await definition in rows.decode(String.self) { return definition }
                return ""
            }
            #expect(definition.hasSuffix("(territory, seq)"), "\(definition)")
        }
    }
}
