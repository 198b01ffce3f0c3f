import Foundation
import GRDB
import TouchpointModel
import TouchpointRecords

/// A customer's erasure on this laptop (``Erasure``), inside the caller's transaction:
/// the personal values of the customer and of every record about it are scrubbed in
/// the records (versions kept, so the laptop converges with the server), in queued
/// changes and in dead letters, with what they overwrote; and no new personal value
/// can be recorded for it.
struct LocalErasure {
    let db: Database

    /// True when the customer's personal data was erased.
    func isErased(customer id: String) throws -> Bool {
        try Bool.fetchOne(
            db, sql: "SELECT erased_at IS NOT NULL FROM customers WHERE id = ?", arguments: [id.lowercased()]) ?? false
    }

    /// Refuses a local write of `erased_at`: only the server sets it.
    func refuseErasedAt(_ entity: EntityType, _ values: [String: FieldValue]) throws {
        guard entity == .customer, let erasedAt = values[Erasure.erasedAtField], !erasedAt.isNull else { return }
        throw StoreError.refused(
            "customer.\(Erasure.erasedAtField): only the server sets it, when an admin erases the customer (touchpointctl customers erase)")
    }

    /// True when this laptop holds at least one erased customer.
    func anyErased() throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM customers WHERE erased_at IS NOT NULL)") ?? false
    }

    /// Refuses a local write of a personal value for an erased customer's records.
    func checkWrite(_ entity: EntityType, _ id: UUID, _ values: [String: FieldValue], current: RecordState?) throws {
        let personal = Erasure.personalFields(of: entity).filter { name in
            guard let value = values[name] else { return false }
            return value != Erasure.scrubbed(value, entity: entity, field: name)
        }
        guard let field = personal.first else { return }
        let customer = entity == .customer
            ? id.lowercasedText : (values[EntityType.customerField] ?? current?.fields[EntityType.customerField]?.value)?.text
        guard let customer, try isErased(customer: customer) else { return }
        throw StoreError.refused(
            "\(entity.rawValue).\(field): customer \(customer.lowercased())'s personal data was erased; "
                + "personal fields can no longer be recorded for it")
    }

    /// Scrubs everything this laptop holds of the given customers. Returns how many records changed.
    @discardableResult
    func erase(customers: Set<String>) throws -> Int {
        var scrubbed = 0
        for customer in customers.sorted() {
            var ids = [customer]
            for entity in EntityType.allCases {
                let column = entity == .customer ? "id" : EntityType.customerField
                if entity != .customer {
                    ids += try String.fetchAll(
                        db, sql: "SELECT id FROM \(RecordSchema.table(entity)) WHERE customer_id = ?", arguments: [customer])
                }
                let assignments = Erasure.personalFields(of: entity).map { name in
                    Erasure.erasedValue(of: entity, field: name) == .null
                        ? "\"\(name)\" = NULL" : "\"\(name)\" = CASE WHEN \"\(name)\" IS NULL THEN NULL ELSE '\(Erasure.placeholder)' END"
                }
                guard !assignments.isEmpty else { continue }
                let personalSet = Erasure.personalFields(of: entity).map { "\"\($0)\" IS NOT NULL" }.joined(separator: " OR ")
                try db.execute(
                    sql: """
                        UPDATE \(RecordSchema.table(entity)) SET \(assignments.joined(separator: ", "))
                        WHERE \(column) = ? AND (\(personalSet))
                        """, arguments: [customer])
                scrubbed += db.changesCount
            }
            try scrubQueued(in: "outbox", ids: Set(ids), customer: customer)
            try scrubQueued(in: "dead_letters", ids: Set(ids), customer: customer)
        }
        return scrubbed
    }

    /// Rewrites queued changes (and what they overwrote) without personal values: those of the
    /// records with `ids`, and those naming `customer` (of records this laptop no longer holds,
    /// e.g. changes refused when the customer left its territories).
    private func scrubQueued(in table: String, ids: Set<String>, customer: String) throws {
        for row in try Row.fetchAll(db, sql: "SELECT seq, entity_id, change, prior FROM \(table)") {
            var change = try StoredChange.change(row["change"])
            let names = change.fields.contains { $0.name == EntityType.customerField && $0.value.text?.lowercased() == customer }
            guard ids.contains((row["entity_id"] as String).lowercased()) || names else { continue }
            change = Erasure.scrubbed(change)
            let prior = try (row["prior"] as Data?).map { bytes in
                let fields = try StoredChange.prior(bytes)
                return try StoredChange.priorBytes(Erasure.scrubbed(Change(entity: change.entity, id: change.id, fields: fields)).fields, of: change)
            }
            try db.execute(
                sql: "UPDATE \(table) SET change = ?, prior = ? WHERE seq = ?",
                arguments: [try StoredChange.bytes(change), prior, row["seq"] as Int64])
        }
    }
}
