import Foundation
import GRDB
import TouchpointModel
import TouchpointRecords

extension AgentStore {
    /// How far the clock's last stamp may run ahead of the wall clock before the
    /// unsynced changes are re-stamped (well under the server's 5-minute skew bound).
    public static let clockRepairTolerance: TimeInterval = 60

    /// Re-stamps this laptop's unsynced changes after its clock was ahead.
    ///
    /// One write stamped in the future makes every later stamp future too (the
    /// clock never goes back), and the server refuses them. Nobody else has seen
    /// unsynced changes, so once the wall clock is right they get fresh versions
    /// (in outbox order, above every version received from others), in the outbox
    /// and in the records, and the clock restarts from there. Returns how many
    /// outbox entries were re-stamped (0 when the clock is not ahead).
    @discardableResult
    public func repairClockIfAhead(now: Date = Date()) throws -> Int {
        try writer.write { db in
            let site = try Self.identity(db).site
            let wall = HLC.milliseconds(now)
            let last = (try Meta.get(.clock, db)).flatMap(UInt64.init).map(HLC.init(rawValue:)) ?? .zero
            let tolerance = UInt64(Self.clockRepairTolerance * 1000)
            guard last.physical > wall + tolerance else { return 0 }
            let floor = max(try Self.remoteClock(db, site: site), HLC(physical: wall, logical: 0))
            var clock = HybridLogicalClock(site: site, last: floor)
            let count = try Self.restampOutbox(db, clock: &clock, now: now) { $0.site == site && $0.hlc > floor }
            try Meta.set(.clock, String(clock.last.rawValue), db)
            let ahead = Int((last.physical - wall) / 1000)
            try Meta.set(
                .clockRepair,
                "\(Timestamp.format(now)): this laptop's clock had run \(ahead) s ahead; \(count) unsynced change(s) re-stamped", db)
            return count
        }
    }

    /// Gives every queued change a fresh stamp from `clock` (in outbox order) for the
    /// versions `stale` selects, in the outbox (changes, bases, priors) and in the
    /// records; returns how many queued changes there were.
    static func restampOutbox(
        _ db: Database, clock: inout HybridLogicalClock, now: Date, stale: (FieldVersion) -> Bool
    ) throws -> Int {
        var renamed: [FieldVersion: FieldVersion] = [:]
        let rows = try Row.fetchAll(db, sql: "SELECT seq, entity, entity_id, change, created_at, prior FROM outbox ORDER BY seq")
        for row in rows {
            let entry = try Self.outboxEntry(row)
            let stamp = clock.tick(now: now)
            for field in entry.change.written where stale(field.version) {
                renamed[field.version] = renamed[field.version] ?? stamp
            }
            let change = Change(entity: entry.change.entity, id: entry.change.id, fields: Self.renaming(entry.change.fields, renamed))
            let prior = try (row["prior"] as Data?).map { try StoredChange.priorBytes(Self.renaming(try StoredChange.prior($0), renamed), of: change) }
            try db.execute(
                sql: "UPDATE outbox SET change = ?, prior = ? WHERE seq = ?",
                arguments: [try StoredChange.bytes(change), prior, entry.seq])
            var table = RecordTable()
            if var state = try table.load(entry.change.entity, entry.change.id, db) {
                for (name, field) in state.fields { state.fields[name]?.version = renamed[field.version] ?? field.version }
                try table.save(state, db)
            }
        }
        return rows.count
    }

    private static func renaming(_ fields: [FieldChange], _ renamed: [FieldVersion: FieldVersion]) -> [FieldChange] {
        fields.map { field in
            var field = field
            field.version = renamed[field.version] ?? field.version
            field.base = field.base.map { renamed[$0] ?? $0 }
            return field
        }
    }

    /// The highest version received from other replicas: tracked as pages are applied,
    /// else found by reading every record once.
    private static func remoteClock(_ db: Database, site: SiteID) throws -> HLC {
        if let known = (try Meta.get(.remoteClock, db)).flatMap(UInt64.init) { return HLC(rawValue: known) }
        var table = RecordTable()
        var top = HLC.zero
        for entity in EntityType.allCases {
            try table.forEachState(entity, db) { state in
                for field in state.fields.values where field.version.site != site { top = max(top, field.version.hlc) }
            }
        }
        return top
    }
}
