import Foundation
import GRDB
import TouchpointModel
import TouchpointProtocol
import TouchpointRecords

extension SQLiteServerStore {
    /// Reads what the push rules need to decide `changes` pushed by `site` (``PushContext``), one query per entity.
    ///
    /// `wholeCustomers`: customers to read with every record about them, whatever the changes
    /// (an erasure decides on all of them).
    static func pushContext(
        for changes: [Change], site: SiteID, sequences: [UInt64], wholeCustomers: Set<UUID> = [], _ db: Database
    ) throws -> PushContext {
        let siteText = site.description
        let state = try Row.fetchOne(db, sql: "SELECT agent_id, last_seq FROM push_state WHERE site = ?", arguments: [siteText])
        var context = PushContext(
            site: site, owner: (state?["agent_id"] as String?).flatMap { UUID(text: $0) },
            acknowledged: UInt64(state?["last_seq"] as Int64? ?? 0), clock: try clock(db))
        let replayed = sequences.filter { $0 <= context.acknowledged }
        if let first = replayed.min(), let last = replayed.max() {
            let rows = try Row.fetchCursor(
                db, sql: "SELECT seq, fingerprint, code, message FROM push_log WHERE site = ? AND seq BETWEEN ? AND ?",
                arguments: [siteText, Int64(first), Int64(last)])
            while let row = try rows.next() {
                let sequence = UInt64(row["seq"] as Int64)
                let refusal = (row["code"] as Int?).map {
                    Rejection(sequence: sequence, code: ProtocolError.Code(rawValue: $0) ?? .invalidArgument, message: row["message"])
                }
                context.remembered[sequence] = PushContext.RememberedPush(fingerprint: row["fingerprint"], refusal: refusal)
            }
        }
        var table = RecordTable()
        for (entity, ids) in PushContext.recordsToRead(changes) { context.add(try table.load(entity, ids, db).values) }
        if !wholeCustomers.isEmpty { context.add(try table.load(.customer, wholeCustomers, db).values) }
        let customers = context.customersToRead(changes)
        if !customers.isEmpty { context.add(try table.load(.customer, customers, db).values) }
        let moving = context.movingCustomers(changes).union(wholeCustomers)
        if !moving.isEmpty {
            let marks = Array(repeating: "?", count: moving.count).joined(separator: ", ")
            for entity in EntityType.allCases where entity != .customer {
                try table.forEachState(
                    entity, where: "r.customer_id IN (\(marks))", arguments: moving.map(\.text.databaseValue), db
                ) { context.add([$0]) }
            }
        }
        let feedback = PushContext.feedbackIDs(changes)
        if !feedback.isEmpty {
            let marks = Array(repeating: "?", count: feedback.count).joined(separator: ", ")
            context.followedUp = Set(try String.fetchAll(
                db, sql: "SELECT source_feedback_id FROM follow_ups WHERE source_feedback_id IN (\(marks))",
                arguments: StatementArguments(feedback.map(\.text))
            ).compactMap { UUID(text: $0) })
        }
        return context
    }

    /// Writes what the push rules decided. `pushedBy`: the session whose batch it is
    /// (nil: an admin's write), whose site state and sync state it moves.
    func write(_ plan: PushPlan, pushedBy principal: Principal?, now: Date, _ db: Database) throws {
        if let principal, plan.claimsSite {
            try db.execute(
                sql: "INSERT INTO push_state(site, agent_id) VALUES (?, ?) ON CONFLICT(site) DO NOTHING",
                arguments: [principal.site.description, principal.agentID.text])
        }
        var table = RecordTable()
        for write in plan.records {
            if write.isNew { try table.insert(write.state, db) } else { try table.save(write.state, db) }
        }
        let append = try db.cachedStatement(
            sql: "INSERT INTO changes(entity, entity_id, territory, site, agent_id, record, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        for entry in plan.log {
            try append.execute(arguments: [
                entry.change.entity.rawValue, entry.change.id.text, entry.territory, entry.site.description,
                entry.agentID.text, try entry.change.recordBytes(), now.milliseconds,
            ])
        }
        for kept in plan.conflicts {
            try db.execute(
                sql: """
                    INSERT INTO conflicts(entity, entity_id, field, winner, loser, winner_agent, loser_agent, detected_at)
                    VALUES (?, ?, ?, ?, ?, (SELECT agent_id FROM push_state WHERE site = ?),
                            (SELECT agent_id FROM push_state WHERE site = ?), ?)
                    """,
                arguments: [
                    kept.entity.rawValue, kept.id.text, kept.conflict.field,
                    String(decoding: try encoder.encode(kept.conflict.winner), as: UTF8.self),
                    String(decoding: try encoder.encode(kept.conflict.loser), as: UTF8.self),
                    kept.conflict.winner.version.site.description, kept.conflict.loser.version.site.description, now.milliseconds,
                ])
        }
        try Self.saveClock(plan.clock, db)
        guard let principal else { return }
        let site = principal.site.description
        if let forgetBelow = plan.forgetBelow {
            try db.execute(sql: "DELETE FROM push_log WHERE site = ? AND seq < ?", arguments: [site, Int64(forgetBelow)])
        }
        let remember = try db.cachedStatement(
            sql: "INSERT OR REPLACE INTO push_log(site, seq, fingerprint, code, message) VALUES (?, ?, ?, ?, ?)")
        for (sequence, pushed) in plan.remember {
            try remember.execute(arguments: [
                site, Int64(sequence), pushed.fingerprint, pushed.refusal?.code.rawValue, pushed.refusal?.message,
            ])
        }
        let acknowledged = Int64(plan.acknowledgement.ackedSequence)
        try db.execute(sql: "UPDATE push_state SET last_seq = ? WHERE site = ?", arguments: [acknowledged, site])
        try db.execute(
            sql: "UPDATE sync_state SET pushed_seq = ?, last_seen = ?, last_sync_at = ?, rejected = rejected + ? WHERE agent_id = ?",
            arguments: [acknowledged, now.milliseconds, now.milliseconds, plan.acknowledgement.rejected.count, principal.agentID.text])
    }
}
