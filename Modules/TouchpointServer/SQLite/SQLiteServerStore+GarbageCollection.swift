import Foundation
import GRDB
import TouchpointModel
import TouchpointProtocol
import TouchpointRecords

extension SQLiteServerStore {
    public func collectGarbage(_ settings: GarbageCollectionSettings, now: Date) async throws -> GarbageCollectionReport {
        // One write transaction: SQLite's single writer keeps pushes and pull cursors out until it commits.
        try await writer.write { db in
            let agents = try Row.fetchAll(
                db,
                sql: """
                    SELECT s.agent_id, a.revoked_at, s.last_seen, s.last_sync_at, s.pull_cursor, s.stale_since
                    FROM sync_state s JOIN agents a ON a.id = s.agent_id
                    """
            ).map { row in
                AgentCursor(
                    agentID: UUID(uuidString: row["agent_id"])!, revoked: (row["revoked_at"] as Int64?) != nil,
                    lastSeen: Self.date(row["last_seen"]), lastSync: Self.date(row["last_sync_at"]),
                    cursor: UInt64(row["pull_cursor"] as Int64), stale: (row["stale_since"] as Int64?) != nil)
            }
            let (report, markStale) = GarbageCollector.horizon(agents, head: try Self.head(db), now: now, settings: settings)
            let plan = GarbageCollector.plan(
                try Self.loggedRecords(horizon: report.horizon, db), report: report, markStale: markStale)
            if !settings.dryRun { try write(plan, now: now, db) }
            return plan.report
        }
    }

    /// Every record with entries at or below `horizon`, with those entries, deleted ones marked.
    private static func loggedRecords(horizon: UInt64, _ db: Database) throws -> [LoggedRecord] {
        var records: [String: LoggedRecord] = [:]
        let rows = try Row.fetchCursor(
            db, sql: "SELECT seq, entity_id, territory, CASE WHEN seq <= ? THEN record END AS record FROM changes ORDER BY seq",
            arguments: [Int64(horizon)])
        while let row = try rows.next() {
            let key: String = row["entity_id"]
            guard (row["record"] as Data?) != nil else {
                records[key]?.hasLaterEntries = true
                continue
            }
            let logged = try ChangeLogEncoding.decode(row)
            records[key, default: LoggedRecord(entity: logged.change.entity, id: logged.change.id)].entries.append(
                LoggedRecord.Entry(sequence: logged.sequence, change: logged.change, territory: row["territory"]))
        }
        for entity in GarbageCollector.deletable {
            for row in try Row.fetchAll(db, sql: GarbageCollector.tombstonesSQL(entity)) {
                let key: String = row["id"]
                guard records[key]?.entity == entity else { continue }
                records[key]!.deleted = true
                records[key]!.referenced = row["referenced"]
            }
        }
        return Array(records.values)
    }

    /// Writes what a collection decided, in the caller's transaction.
    private func write(_ plan: CompactionPlan, now: Date, _ db: Database) throws {
        let deleteEntry = try db.makeStatement(sql: "DELETE FROM changes WHERE seq = ?")
        for record in plan.purges {
            for seq in record.sequences { try deleteEntry.execute(arguments: [Int64(seq)]) }
            try db.execute(sql: "DELETE FROM \(RecordSchema.table(record.entity)) WHERE id = ? AND deleted", arguments: [record.id.text])
        }
        for seq in plan.replaced { try deleteEntry.execute(arguments: [Int64(seq)]) }
        let server = try Self.serverID(db).description
        let insert = try db.makeStatement(
            sql: """
                INSERT INTO changes (seq, entity, entity_id, territory, site, agent_id, record, received_at)
                VALUES (?, ?, ?, ?, ?, NULL, ?, ?)
                """)
        for entry in plan.written {
            try insert.execute(arguments: [
                Int64(entry.sequence), entry.change.entity.rawValue, entry.change.id.text, entry.territory, server,
                try entry.change.recordBytes(), now.milliseconds,
            ])
        }
        for agent in plan.markStale {
            try db.execute(
                sql: "UPDATE sync_state SET stale_since = ?, resync_started = 0 WHERE agent_id = ?",
                arguments: [now.milliseconds, agent.text])
        }
        try Self.logRewritten(through: plan.report.horizon, db)
    }
}
