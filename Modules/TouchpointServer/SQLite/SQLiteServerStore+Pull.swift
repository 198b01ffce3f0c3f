import Foundation
import GRDB
import TouchpointModel
import TouchpointProtocol
import TouchpointRecords

extension SQLiteServerStore {
    public func head() async throws -> UInt64 {
        try await writer.read(Self.head)
    }

    public func logBounds() async throws -> LogBounds {
        try await writer.read { db in
            LogBounds(head: try Self.head(db), rewrittenThrough: (try Self.meta("log_rewritten_through", db)).flatMap(UInt64.init) ?? 0)
        }
    }

    public func scopedChanges(after cursor: UInt64, limit: Int, territories: [String]?) async throws -> ScopedChanges {
        try await writer.read { db in
            var condition = "seq > ?"
            var arguments: [DatabaseValue] = [Int64(cursor).databaseValue]
            if let territories {
                condition += " AND territory IN (\(Array(repeating: "?", count: max(1, territories.count)).joined(separator: ", ")))"
                arguments += territories.isEmpty ? [DatabaseValue.null] : territories.map(\.databaseValue)
            }
            arguments.append(limit.databaseValue)
            let rows = try Row.fetchCursor(
                db, sql: "SELECT seq, site, record FROM changes WHERE \(condition) ORDER BY seq LIMIT ?",
                arguments: StatementArguments(arguments))
            var entries: [LoggedChange] = []
            entries.reserveCapacity(limit)
            while let row = try rows.next() {
                guard let site = SiteID(row["site"] as String) else {
                    throw StoreError.corrupt("change \(row["seq"] as Int64) has no valid site")
                }
                entries.append(LoggedChange(sequenced: try ChangeLogEncoding.decode(row), site: site))
            }
            return ScopedChanges(entries: entries, head: try Self.head(db))
        }
    }

    public func recordPull(_ principal: Principal, cursor: UInt64, outboxDepth: UInt64?, now: Date) async throws {
        try await writer.write { db in
            try db.execute(
                sql: """
                    UPDATE sync_state SET pull_cursor = CASE WHEN ? = 0 THEN 0 ELSE max(pull_cursor, ?) END,
                        last_seen = ?, last_sync_at = ?, outbox_depth = coalesce(?, outbox_depth),
                        resync_started = resync_started OR (? = 0 AND stale_since IS NOT NULL)
                    WHERE agent_id = ?
                    """,
                arguments: [
                    Int64(cursor), Int64(cursor), now.milliseconds, now.milliseconds, outboxDepth.map { Int64(clamping: $0) },
                    Int64(cursor), principal.agentID.text,
                ])
        }
    }

    public func changes(after seq: UInt64, limit: Int) async throws -> [SequencedChange] {
        try await writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT seq, record FROM changes WHERE seq > ? ORDER BY seq LIMIT ?",
                arguments: [Int64(seq), limit]
            ).map(ChangeLogEncoding.decode)
        }
    }

    public func digest(territories: [String]?) async throws -> RecordDigest {
        try await writer.read { db in
            var table = RecordTable()
            var digest = RecordDigest()
            for entity in EntityType.allCases {
                if let territories {
                    guard !territories.isEmpty else { continue }
                    try table.forEachState(
                        entity, where: RecordTable.territoryCondition(entity, count: territories.count),
                        arguments: territories.map(\.databaseValue), db
                    ) { digest.add($0) }
                } else {
                    try table.forEachState(entity, db) { digest.add($0) }
                }
            }
            return digest
        }
    }
}
