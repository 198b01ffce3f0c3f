import Foundation
import PostgresNIO
import TouchpointModel
import TouchpointProtocol
import TouchpointRecords
import TouchpointServer

extension PostgresServerStore {
    public func appendAudit(_ entry: AuditEntry) async throws {
        try await execute(
            """
            INSERT INTO audit_log (at, actor_id, actor_name, action, target, outcome, reason, detail)
            VALUES (\(entry.time.milliseconds), \(entry.actor.agentID?.lowercasedText), \(entry.actor.name),
                \(entry.action.rawValue), \(entry.target), \(entry.outcome.label), \(entry.outcome.reason), \(entry.detail))
            """)
    }

    public func auditEntries(since: Date?, limit: Int) async throws -> [AuditEntry] {
        try await withConnection { [self] connection in
            let rows = try await connection.query(
                """
                SELECT id, at, actor_id, actor_name, action, target, outcome, reason, detail FROM audit_log
                WHERE at >= \(since?.milliseconds ?? Int64.min) ORDER BY id DESC LIMIT \(Int64(limit))
                """, logger: logger)
            var entries: [AuditEntry] = []
            for try await (id, at, actorID, actorName, action, target, outcome, reason, detail) in rows.decode(
                (Int64, Int64, String?, String, String, String, String, String?, String?).self)
            {
                entries.append(
                    try AuditEntry.stored(
                        id: id, at: at, actorID: actorID, actorName: actorName, action: action, target: target, outcome: outcome,
                        reason: reason, detail: detail))
            }
            return entries.reversed()
        }
    }
}
