import Foundation
import GRDB
import TouchpointModel
import TouchpointRecords

extension AgentStore {
    /// Creates a batch of imported records in one transaction, each row in its
    /// own savepoint: a bad row is rolled back alone and never takes good rows down.
    ///
    /// A row whose id exists (even deleted) counts as a duplicate and is left
    /// untouched, so re-importing a file is a no-op. A row pointing at a customer
    /// that does not exist is refused. Every created row is queued in the outbox
    /// like any local write.
    public func importBatch(_ rows: [ImportRow], now: Date = Date()) throws -> ImportBatchResult {
        try writer.write { db in
            var writer = try LocalWriter(db)
            var result = ImportBatchResult()
            let savepoint = try RowSavepoint(db)
            for row in rows {
                let entity = type(of: row.record).entity
                let fields = row.record.fields
                if try Self.exists(entity, row.record.id, db) {
                    result.duplicates += 1
                    continue
                }
                do {
                    try Self.checkCustomer(of: entity, fields, db)
                    try savepoint.run { try writer.write(entity, row.record.id, fields, now: now) }
                    result.imported += 1
                } catch let error as ValidationError {
                    result.rejected.append(RejectedRow(line: row.line, reason: error.description))
                } catch let error as StoreError {
                    writer.table = RecordTable()  // its caches may name rows the savepoint rolled back
                    result.rejected.append(RejectedRow(line: row.line, reason: error.message))
                } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                    writer.table = RecordTable()
                    result.rejected.append(RejectedRow(line: row.line, reason: error.message ?? "\(error)"))
                }
            }
            try writer.finish()
            return result
        }
    }

    /// A savepoint around one row, with statements prepared once per batch (rows are many and small).
    private struct RowSavepoint {
        let begin: Statement
        let release: Statement
        let rollback: Statement

        init(_ db: Database) throws {
            begin = try db.cachedStatement(sql: "SAVEPOINT import_row")
            release = try db.cachedStatement(sql: "RELEASE SAVEPOINT import_row")
            rollback = try db.cachedStatement(sql: "ROLLBACK TO SAVEPOINT import_row")
        }

        /// Runs `body`; on error, undoes what it wrote and rethrows.
        func run(_ body: () throws -> Void) throws {
            try begin.execute()
            do {
                try body()
            } catch {
                try rollback.execute()
                try release.execute()
                throw error
            }
            try release.execute()
        }
    }

    private static func exists(_ entity: EntityType, _ id: UUID, _ db: Database) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT 1 FROM \(RecordSchema.table(entity)) WHERE id = ?"),
            arguments: [id.lowercasedText]) ?? false
    }

    /// The customer a record points at must exist: the schema's deferred foreign
    /// key would otherwise fail the whole batch at commit.
    private static func checkCustomer(of entity: EntityType, _ fields: [String: FieldValue], _ db: Database) throws {
        guard entity != .customer, let text = fields["customer_id"]?.text, let id = UUID(uuidString: text) else { return }
        if try !exists(.customer, id, db) {
            throw ValidationError(field: "\(entity.rawValue).customer_id", message: "no customer with id \(text)")
        }
    }
}
