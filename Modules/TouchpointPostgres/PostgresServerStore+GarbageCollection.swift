import Foundation
import NIOCore
import PostgresNIO
import TouchpointModel
import TouchpointProtocol
import TouchpointRecords
import TouchpointServer

extension PostgresServerStore {
    /// One transaction that locks every agent's sync state (no pull cursor moves, no
    /// session starts) and then takes the change log's advisory lock (no push writes
    /// the log) before it reads anything, so the horizon it decides holds until it
    /// commits, whichever instance runs it. A deleted record a push has locked meanwhile
    /// is left for the next collection rather than waited for.
    public func collectGarbage(_ settings: GarbageCollectionSettings, now: Date) async throws -> GarbageCollectionReport {
        try await write { [self] connection in
            var agents: [AgentCursor] = []
            let rows = try await connection.query(
                """
                SELECT s.agent_id, a.revoked_at, s.last_seen, s.last_sync_at, s.pull_cursor, s.stale_since
                FROM sync_state s JOIN agents a ON a.id = s.agent_id ORDER BY s.agent_id FOR UPDATE OF s
                """, logger: logger)
            for try await (id, revoked, seen, synced, cursor, stale) in rows.decode((String, Int64?, Int64?, Int64?, Int64, Int64?).self) {
                guard let agentID = UUID(uuidString: id) else { throw StoreError.corrupt("bad agent id \(id)") }
                agents.append(AgentCursor(
                    agentID: agentID, revoked: revoked != nil, lastSeen: seen.map(Date.init(milliseconds:)),
                    lastSync: synced.map(Date.init(milliseconds:)), cursor: UInt64(cursor), stale: stale != nil))
            }
            try await connection.query("SELECT pg_advisory_xact_lock(\(Self.changeLogLock))", logger: logger)
            let head = try await Self.head(on: connection, logger: logger)
            let (report, markStale) = GarbageCollector.horizon(agents, head: head, now: now, settings: settings)
            var plan = GarbageCollector.plan(
                try await loggedRecords(horizon: report.horizon, on: connection), report: report, markStale: markStale)
            if !settings.dryRun { try await write(&plan, now: now, on: connection) }
            return plan.report
        }
    }

    /// Every record with entries at or below `horizon`, with those entries, deleted ones marked.
    private func loggedRecords(horizon: UInt64, on connection: PostgresConnection) async throws -> [LoggedRecord] {
        var records: [String: LoggedRecord] = [:]
        let rows = try await connection.query(
            """
            SELECT seq, entity_id, territory, CASE WHEN seq <= \(Int64(clamping: horizon)) THEN record END
            FROM changes ORDER BY seq
            """, logger: logger)
        for try await (seq, key, territory, record) in rows.decode((Int64, String, String, Data?).self) {
            guard let record else {
                records[key]?.hasLaterEntries = true
                continue
            }
            let logged = try Self.change(seq, record)
            records[key, default: LoggedRecord(entity: logged.change.entity, id: logged.change.id)].entries.append(
                LoggedRecord.Entry(sequence: logged.sequence, change: logged.change, territory: territory))
        }
        for entity in GarbageCollector.deletable {
            let tombstones = try await connection.query(
                PostgresQuery(unsafeSQL: GarbageCollector.tombstonesSQL(entity)), logger: logger)
            for try await (key, referenced) in tombstones.decode((String, Bool).self) {
                guard records[key]?.entity == entity else { continue }
                records[key]!.deleted = true
                records[key]!.referenced = referenced
            }
        }
        return Array(records.values)
    }

    /// Writes what a collection decided, in the caller's transaction; a purge whose
    /// record row is locked by a push is dropped from the plan and its report.
    private func write(_ plan: inout CompactionPlan, now: Date, on connection: PostgresConnection) async throws {
        var purged: [LoggedRecord] = []
        for entity in GarbageCollector.deletable {
            let candidates = plan.purges.filter { $0.entity == entity }
            guard !candidates.isEmpty else { continue }
            let table = RecordSchema.table(entity)
            let rows = try await connection.query(
                """
                DELETE FROM \(unescaped: table) WHERE id IN (
                    SELECT id FROM \(unescaped: table) WHERE id = ANY(\(candidates.map(\.id.lowercasedText))) AND deleted
                    FOR UPDATE SKIP LOCKED)
                RETURNING id
                """, logger: logger)
            var deleted = Set<String>()
            for try await id in rows.decode(String.self) { deleted.insert(id) }
            purged += candidates.filter { deleted.contains($0.id.lowercasedText) }
        }
        let purgedIDs = Set(purged.map(\.id))
        for skipped in plan.purges where !purgedIDs.contains(skipped.id) {
            plan.report.tombstonesPurged -= 1
            plan.report.entriesPurged -= skipped.sequences.count
        }
        let removed = (purged.flatMap(\.sequences) + plan.replaced).map { Int64(clamping: $0) }
        if !removed.isEmpty {
            try await connection.query("DELETE FROM changes WHERE seq = ANY(\(removed))", logger: logger)
        }
        if !plan.written.isEmpty {
            let entries = plan.written
            let meta = try await Self.meta(on: connection, logger: logger)
            guard let server = meta["server_id"] else { throw StoreError(kind: .corrupt, message: "server database has no server id") }
            let records = try entries.map { ByteBuffer(bytes: try $0.change.recordBytes()) }
            try await connection.query(
                """
                INSERT INTO changes (seq, entity, entity_id, territory, site, agent_id, record, received_at)
                SELECT e.seq, e.entity, e.entity_id, e.territory, \(server), NULL, e.record, \(now.milliseconds)
                FROM unnest(\(entries.map { Int64(clamping: $0.sequence) }), \(entries.map(\.change.entity.rawValue)),
                            \(entries.map(\.change.id.lowercasedText)), \(entries.map(\.territory)), \(records))
                     AS e (seq, entity, entity_id, territory, record)
                """, logger: logger)
        }
        if !plan.markStale.isEmpty {
            try await connection.query(
                """
                UPDATE sync_state SET stale_since = \(now.milliseconds), resync_started = FALSE
                WHERE agent_id = ANY(\(plan.markStale.map(\.lowercasedText)))
                """, logger: logger)
        }
        try await logRewritten(through: plan.report.horizon, on: connection)
    }

    /// Records that the change log was rewritten in place up to `sequence` (``LogBounds/rewrittenThrough``).
    func logRewritten(through sequence: UInt64, on connection: PostgresConnection) async throws {
        try await connection.query(
            """
            INSERT INTO server_meta (key, value) VALUES ('log_rewritten_through', \(String(sequence)))
            ON CONFLICT (key) DO UPDATE SET value = GREATEST(server_meta.value::numeric, excluded.value::numeric)::text
            """, logger: logger)
    }
}
