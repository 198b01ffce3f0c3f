import Foundation
import GRDB
import TouchpointModel
import TouchpointProtocol
import TouchpointRecords

extension SQLiteServerStore {
    public func addAgent(_ agent: Agent, now: Date) async throws -> String {
        let token = TokenHasher.newToken()
        try await writer.write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM agents WHERE id = ?", arguments: [agent.id.text]) == true {
                throw StoreError(kind: .refused, message: "agent \(agent.id.text) is already registered")
            }
            try db.execute(
                sql: """
                    INSERT INTO agents(id, name, team, territories, role, token_hash, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    agent.id.text, agent.name, agent.team, agent.territories.joined(separator: ","), agent.role.rawValue,
                    TokenHasher.hash(token), now.milliseconds,
                ])
            try db.execute(sql: "INSERT INTO sync_state(agent_id) VALUES (?)", arguments: [agent.id.text])
        }
        return token
    }

    public func revokeAgent(_ id: UUID, now: Date) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE agents SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                arguments: [now.milliseconds, id.text])
            if db.changesCount == 0 {
                throw StoreError(kind: .notFound, message: "no active agent with id \(id.text)")
            }
        }
    }

    public func setTerritories(_ territories: [String], of id: UUID) async throws {
        let territories = territories.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !territories.isEmpty else {
            throw StoreError(kind: .invalid, message: "an agent needs at least one territory (revoke it to stop its syncing)")
        }
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE agents SET territories = ? WHERE id = ?", arguments: [territories.joined(separator: ","), id.text])
            if db.changesCount == 0 { throw StoreError(kind: .notFound, message: "no agent with id \(id.text)") }
        }
    }

    public func authenticate(token: String) async throws -> Agent? {
        try await writer.read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM agents WHERE token_hash = ? AND revoked_at IS NULL",
                arguments: [TokenHasher.hash(token)]
            ).map(Self.agent)
        }
    }

    public func isActive(agentID: UUID) async throws -> Bool {
        try await writer.read { db in
            try Bool.fetchOne(db, sql: "SELECT 1 FROM agents WHERE id = ? AND revoked_at IS NULL", arguments: [agentID.text]) ?? false
        }
    }

    public func agents() async throws -> [AgentSyncState] {
        try await writer.read { db in
            let head = try Self.head(db)
            return try Row.fetchAll(
                db, sql: "SELECT * FROM agents a JOIN sync_state s ON s.agent_id = a.id ORDER BY a.name, a.id"
            ).map { row in
                let cursor = UInt64(row["pull_cursor"] as Int64)
                return AgentSyncState(
                    agent: try Self.agent(row), revoked: (row["revoked_at"] as Int64?) != nil, site: row["site"],
                    lastSeen: Self.date(row["last_seen"]), protocolVersion: row["protocol_version"], cursor: cursor,
                    lag: head > cursor ? head - cursor : 0, ackedOutbox: UInt64(row["pushed_seq"] as Int64),
                    outboxDepth: (row["outbox_depth"] as Int64?).map { UInt64($0) }, lastSync: Self.date(row["last_sync_at"]),
                    lastError: row["last_error"], rejected: row["rejected"], stale: (row["stale_since"] as Int64?) != nil)
            }
        }
    }

    @discardableResult
    public func sessionStarted(_ principal: Principal, protocolVersion: Int, now: Date) async throws -> Bool {
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE sync_state SET site = ?, last_seen = ?, protocol_version = ?, resync_started = 0 WHERE agent_id = ?",
                arguments: [principal.site.description, now.milliseconds, protocolVersion, principal.agentID.text])
            return try Bool.fetchOne(
                db, sql: "SELECT stale_since IS NOT NULL FROM sync_state WHERE agent_id = ?", arguments: [principal.agentID.text]
            ) ?? false
        }
    }

    public func resyncCompleted(agentID: UUID) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE sync_state SET stale_since = NULL, resync_started = 0 WHERE agent_id = ? AND resync_started = 1",
                arguments: [agentID.text])
        }
    }

    public func recordError(agentID: UUID, message: String, now: Date) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE sync_state SET last_error = ?, last_error_at = ? WHERE agent_id = ?",
                arguments: [message, now.milliseconds, agentID.text])
        }
    }

    static func agent(_ row: Row) throws -> Agent {
        try Agent(
            id: UUID(uuidString: row["id"])!, name: row["name"], team: row["team"],
            territories: (row["territories"] as String).split(separator: ",").map(String.init),
            role: try AgentRole.parse(row["role"]))
    }

    static func date(_ ms: Int64?) -> Date? { ms.map { Date(milliseconds: $0) } }
}
