import Foundation
import GRDB
import TouchpointProtocol
import TouchpointRecords

extension SQLiteServerStore {
    public func appendAudit(_ entry: AuditEntry) async throws {
        try await writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO audit_log(at, actor_id, actor_name, action, target, outcome, reason, detail)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    entry.time.milliseconds, entry.actor.agentID?.text, entry.actor.name, entry.action.rawValue, entry.target,
                    entry.outcome.label, entry.outcome.reason, entry.detail,
                ])
        }
    }

    public func auditEntries(since: Date?, limit: Int) async throws -> [AuditEntry] {
        try await writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM audit_log WHERE at >= ? ORDER BY id DESC LIMIT ?",
                arguments: [since?.milliseconds ?? Int64.min, limit]
            ).reversed().map(Self.auditEntry)
        }
    }

    static func auditEntry(_ row: Row) throws -> AuditEntry {
        try AuditEntry.stored(
            id: row["id"], at: row["at"], actorID: row["actor_id"], actorName: row["actor_name"], action: row["action"],
            target: row["target"], outcome: row["outcome"], reason: row["reason"], detail: row["detail"])
    }
}
