import Foundation
import GRDB
import TouchpointModel
import TouchpointRecords

/// Writes one batch of imported rows inside the caller's transaction, set-based: the
/// ids the rows name (their own and the customers they point at) are read in one
/// query per entity, then each row is created with the writer's prepared statements.
///
/// A row whose id exists (even deleted) counts as a duplicate and is left untouched;
/// a row pointing at a customer that does not exist is refused (the schema's deferred
/// foreign key would otherwise fail the whole batch at commit). Both are decided from
/// the ids read up front plus the rows created before, in file order.
struct ImportBatch {
    let rows: [ImportRow]
    let now: Date

    /// Writes the rows. With `isolating`, each row runs in its own savepoint, so a row
    /// SQLite or the writer refuses is rolled back alone and reported; without, such
    /// a row throws and the caller undoes the batch.
    func write(_ db: Database, isolating: Bool) throws -> ImportBatchResult {
        var writer = try LocalWriter(db)
        var known = try KnownIDs(rows, db)
        let savepoint = isolating ? try RowSavepoint(db) : nil
        var result = ImportBatchResult()
        for row in rows {
            let entity = type(of: row.record).entity
            let id = row.record.id
            if known.contains(entity, id) {
                result.duplicates += 1
                continue
            }
            let fields = row.record.fields
            if let missing = known.missingCustomer(of: entity, fields) {
                let error = ValidationError(field: "\(entity.rawValue).customer_id", message: "no customer with id \(missing)")
                result.rejected.append(RejectedRow(line: row.line, reason: error.description))
                continue
            }
            guard let savepoint else {
                try writer.create(absent: entity, id, fields, now: now)
                known.insert(entity, id)
                result.imported += 1
                continue
            }
            do {
                try savepoint.run { try writer.create(absent: entity, id, fields, now: now) }
                known.insert(entity, id)
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

    /// True for the errors of one row (refused by the writer or by a constraint), which
    /// the isolating pass reports; any other error fails the import.
    static func isRowFailure(_ error: any Error) -> Bool {
        if error is StoreError || error is ValidationError { return true }
        if let error = error as? DatabaseError { return error.resultCode == .SQLITE_CONSTRAINT }
        return false
    }
}

/// The ids of a batch's records that exist, read once and kept up to date as rows are created.
private struct KnownIDs {
    private var ids: [EntityType: Set<UUID>] = [:]

    init(_ rows: [ImportRow], _ db: Database) throws {
        var named: [EntityType: [UUID]] = [:]
        for row in rows {
            let entity = type(of: row.record).entity
            named[entity, default: []].append(row.record.id)
            if let customer = Self.customer(of: entity, row.record.fields) { named[.customer, default: []].append(customer.id) }
        }
        for (entity, candidates) in named { ids[entity] = try RecordTable.existing(entity, among: candidates, db) }
    }

    func contains(_ entity: EntityType, _ id: UUID) -> Bool { ids[entity]?.contains(id) ?? false }

    mutating func insert(_ entity: EntityType, _ id: UUID) { ids[entity, default: []].insert(id) }

    /// The text of the customer id a record points at when no such customer exists.
    func missingCustomer(of entity: EntityType, _ fields: [String: FieldValue]) -> String? {
        guard let customer = Self.customer(of: entity, fields), !contains(.customer, customer.id) else { return nil }
        return customer.text
    }

    /// The customer a record of another entity points at, when its id parses.
    private static func customer(of entity: EntityType, _ fields: [String: FieldValue]) -> (id: UUID, text: String)? {
        guard entity != .customer, let text = fields["customer_id"]?.text, let id = UUID(text: text) else { return nil }
        return (id, text)
    }
}
