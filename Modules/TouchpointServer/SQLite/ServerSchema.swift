import GRDB
import TouchpointProtocol
import TouchpointRecords

/// Migrations of the server's SQLite database: the shared record tables plus
/// agents, sync state, the change log and the conflict log.
package enum ServerSchema {
    package static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        RecordSchema.register(in: &migrator)
        migrator.registerMigration("v1-server") { db in
            try db.execute(
                sql: """
                    CREATE TABLE server_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
                    CREATE TABLE agents (
                        id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
                        name TEXT NOT NULL CHECK (length(name) > 0),
                        team TEXT,
                        territories TEXT NOT NULL,
                        role TEXT NOT NULL CHECK (role IN ('agent', 'admin')),
                        token_hash TEXT NOT NULL UNIQUE,
                        created_at INTEGER NOT NULL,
                        revoked_at INTEGER
                    );
                    CREATE TABLE sync_state (
                        agent_id TEXT PRIMARY KEY NOT NULL REFERENCES agents(id),
                        site TEXT,
                        last_seen INTEGER,
                        protocol_version INTEGER,
                        pushed_seq INTEGER NOT NULL DEFAULT 0,
                        pull_cursor INTEGER NOT NULL DEFAULT 0,
                        last_sync_at INTEGER,
                        last_error TEXT,
                        last_error_at INTEGER
                    );
                    CREATE TABLE push_state (
                        site TEXT PRIMARY KEY NOT NULL CHECK (length(site) = 36),
                        agent_id TEXT NOT NULL REFERENCES agents(id),
                        last_seq INTEGER NOT NULL DEFAULT 0
                    );
                    CREATE TABLE changes (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        entity TEXT NOT NULL,
                        entity_id TEXT NOT NULL,
                        territory TEXT NOT NULL,
                        site TEXT NOT NULL,
                        agent_id TEXT,
                        fields TEXT NOT NULL,
                        received_at INTEGER NOT NULL
                    );
                    CREATE INDEX changes_territory ON changes(territory, seq);
                    CREATE TABLE conflicts (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        entity TEXT NOT NULL,
                        entity_id TEXT NOT NULL,
                        field TEXT NOT NULL,
                        winner TEXT NOT NULL,
                        loser TEXT NOT NULL,
                        winner_agent TEXT,
                        loser_agent TEXT,
                        detected_at INTEGER NOT NULL,
                        resolved_at INTEGER,
                        resolved_by TEXT,
                        resolution TEXT
                    );
                    CREATE INDEX conflicts_open ON conflicts(resolved_at, id);
                    """)
        }
        migrator.registerMigration("v2-rejected-count") { db in
            try db.execute(sql: "ALTER TABLE sync_state ADD COLUMN rejected INTEGER NOT NULL DEFAULT 0")
        }
        migrator.registerMigration("v3-push-log") { db in
            try db.execute(
                sql: """
                    CREATE TABLE push_log (
                        site TEXT NOT NULL,
                        seq INTEGER NOT NULL,
                        fingerprint INTEGER NOT NULL,
                        code INTEGER,
                        message TEXT,
                        PRIMARY KEY (site, seq)
                    ) WITHOUT ROWID
                    """)
        }
        migrator.registerMigration("v4-reported-outbox-depth") { db in
            // NULL: the agent never reported one (agents before this field), shown as unknown.
            try db.execute(sql: "ALTER TABLE sync_state ADD COLUMN outbox_depth INTEGER CHECK (outbox_depth >= 0)")
        }
        migrator.registerMigration("v5-change-log-protobuf", migrate: ChangeLogEncoding.migrate)
        migrator.registerMigration("v6-stale-agents") { db in
            // stale_since: when a garbage collection marked the agent stale (NULL: not stale);
            // resync_started: it has pulled from 0 since, so a pull reaching the head ends the mark.
            try db.execute(
                sql: """
                    ALTER TABLE sync_state ADD COLUMN stale_since INTEGER;
                    ALTER TABLE sync_state ADD COLUMN resync_started INTEGER NOT NULL DEFAULT 0 CHECK (resync_started IN (0, 1));
                    """)
        }
        migrator.registerMigration("v7-audit-log") { db in
            // Append-only: the triggers refuse any UPDATE or DELETE, whoever runs it.
            try db.execute(
                sql: """
                    CREATE TABLE audit_log (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        at INTEGER NOT NULL,
                        \(AuditLogColumns.sql));
                    CREATE INDEX audit_log_at ON audit_log(at);
                    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                    """)
        }
        return migrator
    }
}
