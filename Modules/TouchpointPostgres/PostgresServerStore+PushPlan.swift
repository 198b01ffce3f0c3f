import Foundation
import NIOCore
import PostgresNIO
import TouchpointModel
import TouchpointProtocol
import TouchpointServer

extension PostgresServerStore {
    /// Any fixed number: the key of the transaction-scoped advisory lock that orders the change log.
    static let changeLogLock: Int64 = 0x7470_6368_616e_6765

    /// Writes what the push rules decided, one statement per table. `pushedBy`: the
    /// session whose batch it is (nil: an admin's write), whose site and sync state it moves.
    ///
    /// The change log is written last, under a transaction-scoped advisory lock held
    /// until commit: each batch takes the sequences after the highest committed one,
    /// so sequences become visible in the order they were given, whichever instance
    /// commits, and a pull that read up to sequence N never misses one below it later.
    /// Everything before the lock (reads, merges, record writes) runs in parallel.
    func write(_ plan: PushPlan, pushedBy principal: Principal?, now: Date, on connection: PostgresConnection) async throws {
        var table = PostgresRecordTable(logger: logger)
        try await table.save(plan.records.filter(\.isNew).map(\.state), inserting: true, on: connection)
        try await table.save(plan.records.filter { !$0.isNew }.map(\.state), on: connection)
        if !plan.conflicts.isEmpty {
            let kept = plan.conflicts
            let winners = try kept.map { String(decoding: try encoder.encode($0.conflict.winner), as: UTF8.self) }
            let losers = try kept.map { String(decoding: try encoder.encode($0.conflict.loser), as: UTF8.self) }
            try await connection.query(
                """
                INSERT INTO conflicts (entity, entity_id, field, winner, loser, winner_agent, loser_agent, detected_at)
                SELECT c.entity, c.entity_id, c.field, c.winner, c.loser,
                       (SELECT agent_id FROM push_state WHERE site = c.winner_site),
                       (SELECT agent_id FROM push_state WHERE site = c.loser_site), \(now.milliseconds)
                FROM unnest(\(kept.map(\.entity.rawValue)), \(kept.map(\.id.lowercasedText)), \(kept.map(\.conflict.field)),
                            \(winners), \(losers), \(kept.map(\.conflict.winner.version.site.description)),
                            \(kept.map(\.conflict.loser.version.site.description)))
                     AS c (entity, entity_id, field, winner, loser, winner_site, loser_site)
                """, logger: logger)
        }
        if let principal { try await writeSiteState(plan, of: principal, now: now, on: connection) }
        try await connection.query("SELECT pg_advisory_xact_lock(\(Self.changeLogLock))", logger: logger)
        if !plan.log.isEmpty {
            let log = plan.log
            let records = try log.map { ByteBuffer(bytes: try $0.change.recordBytes()) }
            try await connection.query(
                """
                INSERT INTO changes (seq, entity, entity_id, territory, site, agent_id, record, received_at)
                SELECT h.head + e.n, e.entity, e.entity_id, e.territory, e.site, e.agent_id, e.record, \(now.milliseconds)
                FROM (SELECT coalesce(max(seq), 0) AS head FROM changes) h,
                     unnest(\(log.map(\.change.entity.rawValue)), \(log.map(\.change.id.lowercasedText)), \(log.map(\.territory)),
                            \(log.map(\.site.description)), \(log.map(\.agentID.lowercasedText)), \(records))
                     WITH ORDINALITY AS e (entity, entity_id, territory, site, agent_id, record, n)
                """, logger: logger)
        }
        // Under the same lock: the clock only moves forward, whichever instance wrote it last.
        try await connection.query(
            """
            INSERT INTO server_meta (key, value) VALUES ('hlc_last', \(String(plan.clock.last.rawValue)))
            ON CONFLICT (key) DO UPDATE SET value = GREATEST(server_meta.value::numeric, excluded.value::numeric)::text
            """, logger: logger)
    }

    /// The site's push log and acknowledged sequence, and the agent's sync state.
    private func writeSiteState(_ plan: PushPlan, of principal: Principal, now: Date, on connection: PostgresConnection) async throws {
        let site = principal.site.description
        if let forgetBelow = plan.forgetBelow {
            try await connection.query(
                "DELETE FROM push_log WHERE site = \(site) AND seq < \(Int64(clamping: forgetBelow))", logger: logger)
        }
        if !plan.remember.isEmpty {
            let remember = plan.remember
            try await connection.query(
                """
                INSERT INTO push_log (site, seq, fingerprint, code, message)
                SELECT \(site), r.seq, r.fingerprint, r.code, r.message
                FROM unnest(\(remember.map { Int64(clamping: $0.sequence) }), \(remember.map(\.1.fingerprint)),
                            \(PostgresNullableArray(remember.map { $0.1.refusal.map { Int64($0.code.rawValue) } })),
                            \(PostgresNullableArray(remember.map { $0.1.refusal?.message })))
                     AS r (seq, fingerprint, code, message)
                ON CONFLICT (site, seq) DO UPDATE SET fingerprint = excluded.fingerprint, code = excluded.code, message = excluded.message
                """, logger: logger)
        }
        let acknowledged = Int64(clamping: plan.acknowledgement.ackedSequence)
        try await connection.query("UPDATE push_state SET last_seq = \(acknowledged) WHERE site = \(site)", logger: logger)
        try await connection.query(
            """
            UPDATE sync_state SET pushed_seq = \(acknowledged), last_seen = \(now.milliseconds), last_sync_at = \(now.milliseconds),
                rejected = rejected + \(Int64(plan.acknowledgement.rejected.count))
            WHERE agent_id = \(principal.agentID.lowercasedText)
            """, logger: logger)
    }
}
