import Foundation
import GRDB
import TouchpointModel
import TouchpointProtocol
import TouchpointRecords

/// One pushed batch inside one write transaction.
struct PushTransaction {
    let db: Database
    let principal: Principal
    let now: Date
    let encoder: JSONEncoder
    /// With a savepoint per change, so a change the store refuses is refused alone. Without
    /// (the first try of every batch: an open savepoint makes SQLite journal every page a
    /// statement touches), such a change fails the try with ``NeedsIsolation``.
    let isolating: Bool
    var table = RecordTable()
    /// Customer id → territory, looked up once per batch.
    var territories: [String: String?] = [:]

    /// A change failed in a try without savepoints: roll the batch back and apply it again isolating each change.
    struct NeedsIsolation: Error {}

    init(db: Database, principal: Principal, now: Date, encoder: JSONEncoder, isolating: Bool) {
        self.db = db
        self.isolating = isolating
        self.principal = principal
        self.now = now
        self.encoder = encoder
    }

    mutating func apply(_ entries: [SequencedChange], after expected: UInt64? = nil) throws -> PushAcknowledgement {
        let site = principal.site.description
        let agent = principal.agentID.text
        try db.execute(
            sql: "INSERT INTO push_state(site, agent_id) VALUES (?, ?) ON CONFLICT(site) DO NOTHING",
            arguments: [site, agent])
        guard let owner = try String.fetchOne(db, sql: "SELECT agent_id FROM push_state WHERE site = ?", arguments: [site]),
            owner == agent
        else {
            throw ProtocolError(.permissionDenied, "site \(site) belongs to another agent; each laptop database syncs as one agent")
        }
        let previous = UInt64(try Int64.fetchOne(db, sql: "SELECT last_seq FROM push_state WHERE site = ?", arguments: [site]) ?? 0)
        if let expected, previous < expected {
            // The batch before this pipelined one was refused or lost: applying this one would make
            // the server take the earlier changes, when they come again, for replays.
            throw ProtocolError(
                .failedPrecondition,
                "the batch before this one (up to sequence \(expected)) was not applied; push again from sequence \(previous + 1)")
        }
        var outcome = PushAcknowledgement(ackedSequence: previous)
        var clock = try SQLiteServerStore.clock(db)
        let sorted = entries.sorted(by: { $0.sequence < $1.sequence })
        var replays = try PushLog(site: site, db: db, batchStart: sorted.first?.sequence)
        for entry in sorted {
            let fingerprint = PushLog.fingerprint(entry.change)
            guard entry.sequence > outcome.ackedSequence else {
                // A replay (the acknowledgement was lost): the same answer as the first time.
                if let rejection = try replays.replay(entry, fingerprint: fingerprint) {
                    outcome.rejected.append(rejection)
                } else {
                    outcome.duplicates += 1
                }
                continue
            }
            outcome.ackedSequence = entry.sequence
            let rejection = try apply(entry, outcome: &outcome, clock: &clock)
            if let rejection { outcome.rejected.append(rejection) }
            try replays.remember(entry.sequence, fingerprint: fingerprint, rejection: rejection)
        }
        try SQLiteServerStore.saveClock(clock, db)
        try db.execute(sql: "UPDATE push_state SET last_seq = ? WHERE site = ?", arguments: [Int64(outcome.ackedSequence), site])
        try db.execute(
            sql: "UPDATE sync_state SET pushed_seq = ?, last_seen = ?, last_sync_at = ?, rejected = rejected + ? WHERE agent_id = ?",
            arguments: [Int64(outcome.ackedSequence), now.milliseconds, now.milliseconds, outcome.rejected.count, agent])
        outcome.sequenceHead = try SQLiteServerStore.head(db)
        return outcome
    }

    /// Checks and applies one new change in a savepoint; returns its refusal, if any.
    private mutating func apply(
        _ entry: SequencedChange, outcome: inout PushAcknowledgement, clock: inout HybridLogicalClock
    ) throws -> Rejection? {
        let stored = try table.load(entry.change.entity, entry.change.id, db)
        let placement = try self.placement(of: entry.change, stored: stored)
        if let rejection = SyncPolicy.check(entry.change, seq: entry.sequence, by: principal, stored: stored, placement: placement) {
            return rejection
        }
        do {
            func write() throws {
                let result = try table.merge(entry.change, onto: stored, validate: true, db)
                try logScoped(entry.change, stored: stored, applied: result.applied)
                try keep(result.conflicts, of: entry.change)
                outcome.conflicts += result.conflicts.count
                try closeTheLoop(after: entry.change, result, clock: &clock)
            }
            if isolating {
                try db.inSavepoint {
                    try write()
                    return .commit
                }
            } else {
                try write()
            }
            try? clock.receive(entry.change.maxHLC, now: now)
            outcome.applied += 1
            return nil
        } catch {
            guard isolating else { throw NeedsIsolation() }
            // The savepoint rolled back: forget what it may have cached.
            table = RecordTable()
            territories = [:]
            let record = "\(entry.change.entity.rawValue) \(entry.change.id.text)"
            switch error {
            case let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT:
                // SQLite's words name tables and columns: the client learns only that the store refused it.
                return Rejection(sequence: entry.sequence, code: .invalidArgument, message: "\(record): refused by the server's store")
            case is ValidationError, is StoreError:
                // The change's own fault (a refused value, an unknown customer) refuses it alone;
                // anything else (a store it cannot read) fails the whole batch.
                let refusal = ProtocolError(converting: error)
                guard refusal.code == .invalidArgument else { throw error }
                let message = error is ValidationError ? "\(record): \(refusal.message)" : refusal.message
                return Rejection(sequence: entry.sequence, code: refusal.code, message: message)
            default:
                throw error
            }
        }
    }

    /// Appends the winning fields to the change log under the record's territory.
    mutating func log(
        _ change: Change, applied: [FieldChange], territory known: String? = nil, site: String? = nil, agent: String? = nil
    ) throws {
        guard !applied.isEmpty else { return }
        let territory: String?
        if let known {
            territory = known
        } else if change.entity == .customer {
            territory = try String.fetchOne(db, sql: "SELECT territory FROM customers WHERE id = ?", arguments: [change.id.text])
        } else {
            territory = try String.fetchOne(
                db, sql: "SELECT c.territory FROM customers c JOIN \(RecordSchema.table(change.entity)) r ON r.customer_id = c.id WHERE r.id = ?",
                arguments: [change.id.text])
        }
        guard let territory else {
            throw StoreError(kind: .invalid, message: "\(change.entity.rawValue) \(change.id.text): its customer is unknown")
        }
        try db.cachedStatement(
            sql: "INSERT INTO changes(entity, entity_id, territory, site, agent_id, record, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
        ).execute(arguments: [
            change.entity.rawValue, change.id.text, territory, site ?? principal.site.description, agent ?? principal.agentID.text,
            try Change(entity: change.entity, id: change.id, fields: applied).recordBytes(), now.milliseconds,
        ])
    }

    /// Keeps every detected conflict with both values, versions, sites and agents.
    mutating func keep(_ conflicts: [FieldConflict], of change: Change) throws {
        for conflict in conflicts {
            try db.execute(
                sql: """
                    INSERT INTO conflicts(entity, entity_id, field, winner, loser, winner_agent, loser_agent, detected_at)
                    VALUES (?, ?, ?, ?, ?, (SELECT agent_id FROM push_state WHERE site = ?),
                            (SELECT agent_id FROM push_state WHERE site = ?), ?)
                    """,
                arguments: [
                    change.entity.rawValue, change.id.text, conflict.field,
                    String(decoding: try encoder.encode(conflict.winner), as: UTF8.self),
                    String(decoding: try encoder.encode(conflict.loser), as: UTF8.self),
                    conflict.winner.version.site.description, conflict.loser.version.site.description, now.milliseconds,
                ])
        }
    }
}
