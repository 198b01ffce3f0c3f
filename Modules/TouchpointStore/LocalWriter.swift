import Foundation
import GRDB
import TouchpointModel
import TouchpointRecords

/// One transaction's local writes: ticks the clock, merges, and appends outbox entries.
struct LocalWriter {
    let db: Database
    var table = RecordTable()
    var clock: HybridLogicalClock
    /// The agent's territories, when known: writes outside them are refused here
    /// rather than by the server after the fact.
    let territories: [String]
    /// Whether this laptop holds an erased customer, read once per transaction: without one,
    /// writes skip the erasure check (imports pay nothing for it).
    private var erasuresHeld: Bool?

    init(_ db: Database) throws {
        self.db = db
        let identity = try AgentStore.identity(db)
        territories = identity.territories
        let last = (try Meta.get(.clock, db)).flatMap(UInt64.init).map(HLC.init(rawValue:)) ?? .zero
        clock = HybridLogicalClock(site: identity.site, last: last)
    }

    func typed<R: SyncRecord>(_ type: R.Type, _ id: UUID) throws -> R? {
        var table = RecordTable()
        guard let state = try table.load(R.entity, id, db), !state.isDeleted else { return nil }
        return try R(id: id, fields: state.values)
    }

    mutating func create(_ entity: EntityType, _ id: UUID, _ values: [String: FieldValue], now: Date) throws {
        if try table.load(entity, id, db) != nil {
            throw StoreError.refused("a \(entity.displayName) with id \(id.lowercasedText) already exists")
        }
        try write(entity, id, values, current: nil, now: now)
    }

    /// Creates a record the caller knows is absent (an import reads which of its ids exist
    /// in one query), without reading it again.
    mutating func create(absent entity: EntityType, _ id: UUID, _ values: [String: FieldValue], now: Date) throws {
        try write(entity, id, values, current: nil, now: now)
    }

    /// Stamps the fields whose value differs from the stored one and queues them.
    mutating func write(_ entity: EntityType, _ id: UUID, _ values: [String: FieldValue], now: Date) throws {
        try write(entity, id, values, current: try table.load(entity, id, db), now: now)
    }

    private mutating func write(
        _ entity: EntityType, _ id: UUID, _ values: [String: FieldValue], current: RecordState?, now: Date
    ) throws {
        let version = clock.tick(now: now)
        var names = Set(values.keys.filter { name in
            let old = current?.fields[name]
            if let old { return old.value != values[name]! }
            return current == nil || values[name]! != .null
        })
        // A field group is written whole, with one version and the group's version as base.
        for name in names { if let group = entity.group(of: name) { names.formUnion(group) } }
        guard !names.isEmpty else { return }
        if entity == .customer, names.contains("territory"), let territory = values["territory"]?.text, !territories.isEmpty,
            !territories.contains(territory)
        {
            throw StoreError.refused(
                "customer.territory: '\(territory)' is outside this agent's territories (\(territories.joined(separator: ", "))): "
                    + "the server would refuse it")
        }
        let erasure = LocalErasure(db: db)
        let written = values.filter { names.contains($0.key) }
        try erasure.refuseErasedAt(entity, written)
        if erasuresHeld == nil { erasuresHeld = try erasure.anyErased() }
        if erasuresHeld == true { try erasure.checkWrite(entity, id, written, current: current) }
        var changed = names.sorted().map { name -> FieldChange in
            let value = values[name] ?? current?.fields[name]?.value ?? .null
            let base = entity.group(of: name).map { current?.groupVersion($0) } ?? current?.fields[name]?.version
            return FieldChange(name: name, value: value, version: version, base: base)
        }
        if values[tombstoneField] == .integer(1), let current {
            // A delete carries what its author had seen of every field (MergeRule.deleteConflicts).
            changed[0].base = current.fields.values.map(\.version).max()
            for name in current.fields.keys.sorted() where name != tombstoneField {
                let seen = current.fields[name]!.version
                changed.append(FieldChange(name: name, value: .null, version: seen, base: seen))
            }
        }
        let change = Change(entity: entity, id: id, fields: changed)
        _ = try table.merge(change, onto: current, validate: false, db)
        try OutboxQueue(db: db).append(change, prior: current, now: now)
    }

    func finish() throws { try Meta.set(.clock, String(clock.last.rawValue), db) }
}
