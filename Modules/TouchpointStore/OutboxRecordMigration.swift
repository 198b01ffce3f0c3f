import Foundation
import GRDB
import TouchpointModel
import TouchpointRecords

/// Moves the outbox and the dead letters from the JSON field lists the first versions
/// stored to the protobuf record bytes of ``StoredChange``, so an upgraded laptop keeps
/// every queued change, what it overwrote, and its sequence numbers.
///
/// SQLite cannot change a column's type, so each table is converted in place, then
/// rebuilt with `BLOB` columns that refuse anything but bytes. The outbox's
/// AUTOINCREMENT high-water mark is carried over: a sequence number is never reused
/// (the server acknowledges pushes by it).
enum OutboxRecordMigration {
    static func run(_ db: Database) throws {
        let highWater = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'outbox'")
        for table in ["outbox", "dead_letters"] {
            try convert(table, db)
        }
        try rebuild("outbox", db) { name in
            """
            CREATE TABLE \(name) (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                entity TEXT NOT NULL,
                entity_id TEXT NOT NULL CHECK (length(entity_id) = 36),
                change BLOB NOT NULL CHECK (typeof(change) = 'blob'),
                created_at INTEGER NOT NULL,
                prior BLOB CHECK (prior IS NULL OR typeof(prior) = 'blob'))
            """
        }
        try rebuild("dead_letters", db) { name in
            """
            CREATE TABLE \(name) (
                seq INTEGER PRIMARY KEY NOT NULL,
                entity TEXT NOT NULL,
                entity_id TEXT NOT NULL,
                change BLOB NOT NULL CHECK (typeof(change) = 'blob'),
                created_at INTEGER NOT NULL,
                code TEXT NOT NULL,
                message TEXT NOT NULL,
                failed_at INTEGER NOT NULL,
                prior BLOB CHECK (prior IS NULL OR typeof(prior) = 'blob'))
            """
        }
        if let highWater {
            try db.execute(sql: "DELETE FROM sqlite_sequence WHERE name = 'outbox'")
            try db.execute(sql: "INSERT INTO sqlite_sequence(name, seq) VALUES ('outbox', ?)", arguments: [highWater])
        }
    }

    /// Rewrites each row's JSON change and prior as record bytes, a thousand rows a read.
    private static func convert(_ table: String, _ db: Database) throws {
        let read = try db.makeStatement(sql: "SELECT seq, entity, entity_id, change, prior FROM \(table) WHERE seq > ? ORDER BY seq LIMIT 1000")
        let update = try db.makeStatement(sql: "UPDATE \(table) SET change = ?, prior = ? WHERE seq = ?")
        var after = Int64.min
        while true {
            let rows = try Row.fetchAll(read, arguments: [after])
            guard let last = rows.last else { return }
            after = last["seq"]
            for row in rows {
                let seq: Int64 = row["seq"]
                guard let entity = EntityType(rawValue: row["entity"]), let id = UUID(text: row["entity_id"]) else {
                    throw StoreError.corrupt("bad \(table) row \(seq)")
                }
                let change = Change(entity: entity, id: id, fields: try FieldChangeCoding.decode(row["change"]))
                let prior = try (row["prior"] as String?).map { try StoredChange.priorBytes(try FieldChangeCoding.decode($0), of: change) }
                try update.execute(arguments: [try StoredChange.bytes(change), prior, seq])
            }
        }
    }

    /// Replaces `table` with the one `definition` creates, rows and column order kept.
    private static func rebuild(_ table: String, _ db: Database, definition: (String) -> String) throws {
        try db.execute(sql: definition("\(table)_new"))
        try db.execute(sql: "INSERT INTO \(table)_new SELECT * FROM \(table)")
        try db.execute(sql: "DROP TABLE \(table)")
        try db.execute(sql: "ALTER TABLE \(table)_new RENAME TO \(table)")
    }
}
