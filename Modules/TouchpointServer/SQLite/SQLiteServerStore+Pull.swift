import Foundation
import GRDB
import TouchpointModel
import TouchpointProtocol
import TouchpointRecords

extension SQLiteServerStore {
    public func pull(
        after cursor: UInt64, limit: Int, for principal: Principal, outboxDepth: UInt64?, now: Date
    ) async throws -> PulledPage {
        let page = try await writer.read { db in
            var conditions = ["seq > ?", "site != ?"]
            var arguments: [DatabaseValue] = [Int64(cursor).databaseValue, principal.site.description.databaseValue]
            if !principal.seesEverything {
                conditions.append("territory IN (\(Array(repeating: "?", count: max(1, principal.territories.count)).joined(separator: ", ")))")
                arguments += principal.territories.isEmpty ? [DatabaseValue.null] : principal.territories.map(\.databaseValue)
            }
            arguments.append(limit.databaseValue)
            let rows = try Row.fetchAll(
                db, sql: "SELECT seq, record FROM changes WHERE \(conditions.joined(separator: " AND ")) ORDER BY seq LIMIT ?",
                arguments: StatementArguments(arguments))
            let changes = try rows.map(ChangeLogEncoding.decode)
            let head = try Self.head(db)
            let full = changes.count == limit
            return PulledPage(
                changes: changes, nextCursor: full ? changes.last!.sequence : max(cursor, head), hasMore: full, sequenceHead: head)
        }
        try await writer.write { db in
            try db.execute(
                sql: """
                    UPDATE sync_state SET pull_cursor = max(pull_cursor, ?), last_seen = ?, last_sync_at = ?,
                        outbox_depth = coalesce(?, outbox_depth)
                    WHERE agent_id = ?
                    """,
                arguments: [
                    Int64(cursor), now.milliseconds, now.milliseconds, outboxDepth.map { Int64(clamping: $0) },
                    principal.agentID.text,
                ])
        }
        return page
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
