import Foundation
import GRDB
import TouchpointModel
import TouchpointProtocol
import TouchpointRecords

/// The change log keeps each change in its one encoding, the wire's
/// (``TouchpointModel/Change/recordBytes()``), in the `record` column.
enum ChangeLogEncoding {
    /// Migration `v5-change-log-protobuf`: rewrites every change a server before
    /// it logged as JSON (`fields`) into `record`, in place, keeping sequences.
    static func migrate(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE changes ADD COLUMN record BLOB NOT NULL DEFAULT x''")
        let rows = try Row.fetchCursor(db, sql: "SELECT seq, entity, entity_id, fields FROM changes")
        let update = try db.makeStatement(sql: "UPDATE changes SET record = ? WHERE seq = ?")
        while let row = try rows.next() {
            let seq: Int64 = row["seq"]
            guard let entity = EntityType(rawValue: row["entity"]), let id = UUID(text: row["entity_id"]) else {
                throw StoreError.corrupt("change \(seq) names no known record")
            }
            let change = Change(entity: entity, id: id, fields: try FieldChangeCoding.decode(row["fields"]))
            try update.execute(arguments: [try change.recordBytes(), seq])
        }
        try db.execute(sql: "ALTER TABLE changes DROP COLUMN fields")
    }

    /// The change a log row holds (columns `seq`, `record`).
    static func decode(_ row: Row) throws -> SequencedChange {
        let seq: Int64 = row["seq"]
        do {
            return SequencedChange(sequence: UInt64(seq), change: try Change(recordBytes: row["record"]))
        } catch {
            throw StoreError.corrupt("change \(seq) in the change log cannot be read: \(error.message)")
        }
    }
}
