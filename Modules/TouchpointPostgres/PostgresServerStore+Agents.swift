import Foundation
import PostgresNIO
import TouchpointModel
import TouchpointProtocol
import TouchpointRecords
import TouchpointServer

extension PostgresServerStore {
    public func addAgent(_ agent: Agent, now: Date) async throws -> String {
        let token = TokenHasher.newToken()
        try await write { [self] connection in
            let inserted = try await Self.count(
                connection.query(
                    """
                    INSERT INTO agents (id, name, team, territories, role, token_hash, created_at)
                    VALUES (\(agent.id.lowercasedText), \(agent.name), \(agent.team), \(agent.territories.joined(separator: ",")),
                        \(agent.role.rawValue), \(TokenHasher.hash(token)), \(now.milliseconds))
                    ON CONFLICT (id) DO NOTHING RETURNING 1
                    """, logger: logger))
            guard inserted == 1 else {
                throw StoreError(kind: .refused, message: "agent \(agent.id.lowercasedText) is already registered")
            }
            try await connection.query("INSERT INTO sync_state (agent_id) VALUES (\(agent.id.lowercasedText))", logger: logger)
        }
        return token
    }

    public func revokeAgent(_ id: UUID, now: Date) async throws {
        let revoked = try await execute(
            "UPDATE agents SET revoked_at = \(now.milliseconds) WHERE id = \(id.lowercasedText) AND revoked_at IS NULL RETURNING 1")
        if revoked == 0 { throw StoreError(kind: .notFound, message: "no active agent with id \(id.lowercasedText)") }
    }

    public func setTerritories(_ territories: [String], of id: UUID) async throws {
        let territories = territories.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !territories.isEmpty else {
            throw StoreError(kind: .invalid, message: "an agent needs at least one territory (revoke it to stop its syncing)")
        }
        let updated = try await execute(
            "UPDATE agents SET territories = \(territories.joined(separator: ",")) WHERE id = \(id.lowercasedText) RETURNING 1")
        if updated == 0 { throw StoreError(kind: .notFound, message: "no agent with id \(id.lowercasedText)") }
    }

    public func authenticate(token: String) async throws -> Agent? {
        try await withConnection { [self] connection in
            let rows = try await connection.query(
                "SELECT \(unescaped: Self.agentColumns) FROM agents a WHERE token_hash = \(TokenHasher.hash(token)) AND revoked_at IS NULL",
                logger: logger)
            for try await row in rows { return try Self.agent(row.makeRandomAccess()) }
            return nil
        }
    }

    public func isActive(agentID: UUID) async throws -> Bool {
        try await withConnection { [self] connection in
            let rows = try await connection.query(
                "SELECT 1 FROM agents WHERE id = \(agentID.lowercasedText) AND revoked_at IS NULL", logger: logger)
            return try await Self.count(rows) > 0
        }
    }

    public func agents() async throws -> [AgentSyncState] {
        try await read { [self] connection in
            let head = try await Self.head(on: connection, logger: logger)
            // Names in byte order ("C"), as SQLite sorts them, whatever the database's collation.
            let rows = try await connection.query(
                """
                SELECT \(unescaped: Self.agentColumns), a.revoked_at, s.site, s.last_seen, s.protocol_version, s.pull_cursor,
                    s.pushed_seq, s.outbox_depth, s.last_sync_at, s.last_error, s.rejected, s.stale_since
                FROM agents a JOIN sync_state s ON s.agent_id = a.id ORDER BY a.name COLLATE "C", a.id
                """, logger: logger)
            var states: [AgentSyncState] = []
            for try await row in rows {
                let row = row.makeRandomAccess()
                let cursor = UInt64(try row["pull_cursor"].decode(Int64.self))
                states.append(
                    AgentSyncState(
                        agent: try Self.agent(row), revoked: try row["revoked_at"].decode(Int64?.self) != nil,
                        site: try row["site"].decode(String?.self), lastSeen: try Self.date(row["last_seen"]),
                        protocolVersion: try row["protocol_version"].decode(Int?.self), cursor: cursor,
                        lag: head > cursor ? head - cursor : 0, ackedOutbox: UInt64(try row["pushed_seq"].decode(Int64.self)),
                        outboxDepth: try row["outbox_depth"].decode(Int64?.self).map { UInt64($0) },
                        lastSync: try Self.date(row["last_sync_at"]), lastError: try row["last_error"].decode(String?.self),
                        rejected: try row["rejected"].decode(Int.self), stale: try row["stale_since"].decode(Int64?.self) != nil))
            }
            return states
        }
    }

    @discardableResult
    public func sessionStarted(_ principal: Principal, protocolVersion: Int, now: Date) async throws -> Bool {
        try await withConnection { [self] connection in
            let stale = try await Self.value(
                Bool.self,
                connection.query(
                    """
                    UPDATE sync_state SET site = \(principal.site.description), last_seen = \(now.milliseconds),
                        protocol_version = \(Int32(clamping: protocolVersion)), resync_started = FALSE
                    WHERE agent_id = \(principal.agentID.lowercasedText)
                    RETURNING stale_since IS NOT NULL
                    """, logger: logger))
            return stale ?? false
        }
    }

    public func resyncCompleted(agentID: UUID) async throws {
        try await execute(
            """
            UPDATE sync_state SET stale_since = NULL, resync_started = FALSE
            WHERE agent_id = \(agentID.lowercasedText) AND resync_started
            """)
    }

    public func recordError(agentID: UUID, message: String, now: Date) async throws {
        try await execute(
            """
            UPDATE sync_state SET last_error = \(message), last_error_at = \(now.milliseconds)
            WHERE agent_id = \(agentID.lowercasedText)
            """)
    }

    /// The columns of `agents` (alias `a`) that ``agent(_:)`` reads.
    private static let agentColumns = "a.id, a.name, a.team, a.territories, a.role"

    /// The agent a row with ``agentColumns`` describes.
    private static func agent(_ row: PostgresRandomAccessRow) throws -> Agent {
        let id = try row["id"].decode(String.self)
        guard let uuid = UUID(uuidString: id) else { throw StoreError.corrupt("bad agent id \(id)") }
        return try Agent(
            id: uuid, name: try row["name"].decode(String.self), team: try row["team"].decode(String?.self),
            territories: try row["territories"].decode(String.self).split(separator: ",").map(String.init),
            role: try AgentRole.parse(try row["role"].decode(String.self)))
    }

    /// The date of a milliseconds cell, nil for NULL.
    static func date(_ cell: PostgresCell) throws -> Date? {
        try cell.decode(Int64?.self).map { Date(milliseconds: $0) }
    }
}
