import Foundation
import PostgresNIO
import TouchpointModel
import TouchpointProtocol
import TouchpointRecords
import TouchpointServer

extension PostgresServerStore {
    public func head() async throws -> UInt64 {
        try await withConnection { [self] connection in try await Self.head(on: connection, logger: logger) }
    }

    public func logBounds() async throws -> LogBounds {
        try await withConnection { [self] connection in
            let rows = try await connection.query(
                """
                SELECT coalesce((SELECT max(seq) FROM changes), 0),
                       coalesce((SELECT value::bigint FROM server_meta WHERE key = 'log_rewritten_through'), 0)
                """, logger: logger)
            for try await (head, compacted) in rows.decode((Int64, Int64).self) {
                return LogBounds(head: UInt64(head), rewrittenThrough: UInt64(compacted))
            }
            return LogBounds(head: 0, rewrittenThrough: 0)
        }
    }

    public func scopedChanges(after cursor: UInt64, limit: Int, territories: [String]?) async throws -> ScopedChanges {
        try await read { [self] connection in
            let rows =
                if let territories {
                    try await connection.query(
                        """
                        SELECT seq, record, site FROM changes WHERE seq > \(Int64(clamping: cursor)) AND territory = ANY(\(territories))
                        ORDER BY seq LIMIT \(limit)
                        """, logger: logger)
                } else {
                    try await connection.query(
                        "SELECT seq, record, site FROM changes WHERE seq > \(Int64(clamping: cursor)) ORDER BY seq LIMIT \(limit)",
                        logger: logger)
                }
            var entries: [LoggedChange] = []
            entries.reserveCapacity(limit)
            for try await (seq, record, siteText) in rows.decode((Int64, Data, String).self) {
                guard let site = SiteID(siteText) else { throw StoreError.corrupt("change \(seq) has no valid site") }
                entries.append(LoggedChange(sequenced: try Self.change(seq, record), site: site))
            }
            return ScopedChanges(entries: entries, head: try await Self.head(on: connection, logger: logger))
        }
    }

    public func recordPull(_ principal: Principal, cursor: UInt64, outboxDepth: UInt64?, now: Date) async throws {
        try await execute(
            """
            UPDATE sync_state SET
                pull_cursor = CASE WHEN \(Int64(clamping: cursor))::bigint = 0 THEN 0 ELSE GREATEST(pull_cursor, \(Int64(clamping: cursor))) END,
                last_seen = \(now.milliseconds), last_sync_at = \(now.milliseconds),
                outbox_depth = coalesce(\(outboxDepth.map { Int64(clamping: $0) })::bigint, outbox_depth),
                resync_started = resync_started OR (\(Int64(clamping: cursor))::bigint = 0 AND stale_since IS NOT NULL)
            WHERE agent_id = \(principal.agentID.lowercasedText)
            """)
    }

    public func changes(after seq: UInt64, limit: Int) async throws -> [SequencedChange] {
        try await withConnection { [self] connection in
            let rows = try await connection.query(
                "SELECT seq, record FROM changes WHERE seq > \(Int64(clamping: seq)) ORDER BY seq LIMIT \(limit)", logger: logger)
            var changes: [SequencedChange] = []
            for try await (seq, record) in rows.decode((Int64, Data).self) { changes.append(try Self.change(seq, record)) }
            return changes
        }
    }

    public func digest(territories: [String]?) async throws -> RecordDigest {
        try await read { [self] connection in
            var table = PostgresRecordTable(logger: logger)
            var digest = RecordDigest()
            if territories?.isEmpty == true { return digest }
            for entity in EntityType.allCases {
                try await table.forEachState(entity, territories: territories, on: connection) { digest.add($0) }
            }
            return digest
        }
    }

    /// The change a log row holds: its `record` is the change's one encoding (``TouchpointModel/Change/recordBytes()``).
    static func change(_ seq: Int64, _ record: Data) throws -> SequencedChange {
        do {
            return SequencedChange(sequence: UInt64(seq), change: try Change(recordBytes: record))
        } catch {
            throw StoreError.corrupt("change \(seq) in the change log cannot be read: \(error.message)")
        }
    }
}
