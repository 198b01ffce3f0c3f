import Foundation
import GRDB
import TouchpointModel
import TouchpointRecords

extension AgentStore {
    /// Queued changes after `seq`, oldest first.
    public func outbox(after seq: Int64 = 0, limit: Int = 1000) throws -> [OutboxEntry] {
        try writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT seq, entity, entity_id, change, created_at FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?",
                arguments: [seq, limit]
            ).map(Self.outboxEntry)
        }
    }

    static func outboxEntry(_ row: Row) throws -> OutboxEntry {
        OutboxEntry(seq: row["seq"], change: try StoredChange.change(row["change"]), createdAt: Date(milliseconds: row["created_at"]))
    }

    /// Applies a page of pulled changes and the new cursor in one transaction (exactly-once).
    ///
    /// The page's records are read in one query per entity, merged in memory and written
    /// once each; a row SQLite refuses fails the whole page, cursor included.
    ///
    /// Changes merge with the rule only; conflicts are detected and kept by the server.
    /// A change that moves a record out of this agent's territories evicts it (a
    /// customer with its dependents). A partial change for a record this laptop does
    /// not hold cannot be applied and is skipped (the server sends records entering
    /// the scope whole). A customer the page erases is erased here too, with
    /// everything about it (``LocalErasure``). Returns how many changes altered something.
    @discardableResult
    public func applyPulled(_ changes: [Change], cursor: UInt64, now: Date = Date()) throws -> Int {
        try writer.write { db in
            var writer = try LocalWriter(db)
            var records = try RecordBatch(for: changes, table: &writer.table, db)
            var altered = 0
            var movedCustomers = Set<String>()
            var movedRecords: [(EntityType, String)] = []
            var erased = Set<String>()
            for change in changes {
                try writer.clock.receive(change.maxHLC, now: now)
                let stored = records.state(change.entity, change.id)
                if change.entity == .customer, change.fields.contains(where: { $0.name == Erasure.erasedAtField && !$0.value.isNull }) {
                    // Also for a customer this laptop no longer holds: its queued and dead-lettered changes may.
                    erased.insert(change.id.lowercasedText)
                }
                if stored == nil, !Self.isWhole(change) { continue }
                let result = try records.merge(change, validate: false)
                guard !result.applied.isEmpty else { continue }
                altered += 1
                let id = change.id.lowercasedText
                if change.entity == .customer, result.applied.contains(where: { $0.name == "territory" }) {
                    movedCustomers.insert(id)
                } else if stored != nil, change.entity != .customer, result.applied.contains(where: { $0.name == "customer_id" }) {
                    movedRecords.append((change.entity, id))
                }
            }
            try records.save(&writer.table, db)
            try LocalErasure(db: db).erase(customers: erased)
            let remote = changes.map(\.maxHLC).max() ?? .zero
            let seen = (try Meta.get(.remoteClock, db)).flatMap(UInt64.init).map(HLC.init(rawValue:)) ?? .zero
            if remote > seen { try Meta.set(.remoteClock, String(remote.rawValue), db) }
            let eviction = ScopeEviction(db: db, territories: try Self.identity(db).territories)
            try eviction.customersLeft(movedCustomers)
            try eviction.dependentsLeft(movedRecords)
            try Meta.set(.pullCursor, String(cursor), db)
            try writer.finish()
            return altered
        }
    }

    /// True when a change carries a whole valid record (it can create one).
    static func isWhole(_ change: Change) -> Bool {
        guard change.deletion == nil else { return false }
        let values = Dictionary(change.fields.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
        return (try? change.entity.validate(id: change.id, fields: values)) != nil
    }
}
