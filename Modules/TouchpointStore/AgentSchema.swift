import GRDB
import TouchpointRecords

/// Migrations of the agent database: record tables plus meta, outbox and dead letters.
///
/// The outbox and the dead letters hold each change as protobuf record bytes
/// (``StoredChange``) since `v3-agent-outbox-record-bytes`; the first versions held JSON.
enum AgentSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        RecordSchema.register(in: &migrator)
        migrator.registerMigration("v1-agent") { db in
            try db.execute(
                sql: """
                    CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
                    CREATE TABLE outbox (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        entity TEXT NOT NULL,
                        entity_id TEXT NOT NULL CHECK (length(entity_id) = 36),
                        change TEXT NOT NULL,
                        created_at INTEGER NOT NULL
                    );
                    CREATE TABLE dead_letters (
                        seq INTEGER PRIMARY KEY NOT NULL,
                        entity TEXT NOT NULL,
                        entity_id TEXT NOT NULL,
                        change TEXT NOT NULL,
                        created_at INTEGER NOT NULL,
                        code TEXT NOT NULL,
                        message TEXT NOT NULL,
                        failed_at INTEGER NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v2-agent-prior") { db in
            // What a queued change overwrote, so a change the server refuses can be rolled back.
            try db.execute(sql: "ALTER TABLE outbox ADD COLUMN prior TEXT")
            try db.execute(sql: "ALTER TABLE dead_letters ADD COLUMN prior TEXT")
        }
        migrator.registerMigration("v3-agent-outbox-record-bytes", migrate: OutboxRecordMigration.run)
        return migrator
    }
}
