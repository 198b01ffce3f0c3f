import Foundation
import TouchpointClient
import TouchpointModel
import TouchpointProtocol
import TouchpointReports

/// Typed admin requests over one sync session, for `touchpointctl` and tests.
///
/// ```swift
/// let status = try await AdminClient.connect(to: endpoint, token: adminToken) { try await $0.status() }
/// ```
public struct AdminClient {
    let connection: SyncConnection

    /// Wraps an open connection authenticated with an admin token.
    public init(connection: SyncConnection) { self.connection = connection }

    /// Connects with an admin token (as a fresh site each run), calls `body` and closes.
    public static func connect<Result>(
        to endpoint: Endpoint, token: String, tls: ClientTLS? = nil, _ body: (AdminClient) async throws -> Result
    ) async throws -> Result {
        var configuration = ClientSessionConfiguration(siteID: SiteID.random(), agentID: UUID(), token: token)
        configuration.tls = tls
        return try await SyncConnection.withConnection(to: endpoint, configuration: configuration) { connection in
            try await body(AdminClient(connection: connection))
        }
    }

    /// Server identity, sequence, open conflicts and every agent's sync state.
    public func status() async throws -> ServerStatus {
        let r = try await statusResponse()
        // The status rows carry id, name and sync state; the registration comes from agents_list
        // (asked after, so it names every agent the rows do: agents are revoked, never removed).
        let registered = try await registrations(includeRevoked: true)
        let agents = try r.agents.map { row in
            guard let info = registered[row.agentID] else {
                throw ProtocolError(.internal, "status names an agent agents_list does not")
            }
            return try AgentSyncState(wire: info, status: row, head: r.sequenceHead)
        }
        return ServerStatus(
            serverID: UUID(wireBytes: r.serverID).map { SiteID($0).description } ?? "", serverVersion: r.serverVersion,
            store: r.store, sequence: r.sequenceHead, openConflicts: Int(clamping: r.openConflicts),
            agents: agents, failedHellos: Int(clamping: r.failedHellos),
            failingPeers: r.failingPeers.map(FailingPeer.init(wire:)))
    }

    /// Registered agents with their sync state (admins, which sync nothing, with that of an agent that never synced).
    public func agents(includeRevoked: Bool = false) async throws -> [AgentSyncState] {
        var request = Touchpoint_V1_AgentsListRequest()
        request.includeRevoked = includeRevoked
        guard case .agentsList(let r) = try await connection.admin(.agentsList(request)) else { throw Self.mismatch("agents_list") }
        let status = try await statusResponse()
        let rows = Dictionary(status.agents.map { ($0.agentID, $0) }) { first, _ in first }
        return try r.agents.map { try AgentSyncState(wire: $0, status: rows[$0.agentID], head: status.sequenceHead) }
    }

    private func statusResponse() async throws -> Touchpoint_V1_StatusResponse {
        guard case .status(let r) = try await connection.admin(.status(Touchpoint_V1_StatusRequest())) else { throw Self.mismatch("status") }
        return r
    }

    private func registrations(includeRevoked: Bool) async throws -> [Data: Touchpoint_V1_AgentInfo] {
        var request = Touchpoint_V1_AgentsListRequest()
        request.includeRevoked = includeRevoked
        guard case .agentsList(let r) = try await connection.admin(.agentsList(request)) else { throw Self.mismatch("agents_list") }
        return Dictionary(r.agents.map { ($0.agentID, $0) }) { first, _ in first }
    }

    /// Registers an agent; returns it with its token (shown once).
    public func addAgent(name: String, team: String?, territories: [String], role: AgentRole = .agent) async throws -> (AgentSyncState, String) {
        var request = Touchpoint_V1_AgentAddRequest()
        request.name = name
        request.team = team ?? ""
        request.territories = territories
        request.role = role.wire
        guard case .agentAdd(let r) = try await connection.admin(.agentAdd(request)) else { throw Self.mismatch("agent_add") }
        return (try AgentSyncState(wire: r.agent), r.token)
    }

    /// Revokes an agent's token.
    public func revokeAgent(_ id: UUID) async throws -> AgentSyncState {
        var request = Touchpoint_V1_AgentRevokeRequest()
        request.agentID = id.wireBytes
        guard case .agentRevoke(let r) = try await connection.admin(.agentRevoke(request)) else { throw Self.mismatch("agent_revoke") }
        return try AgentSyncState(wire: r.agent)
    }

    /// Conflicts, newest first: every one, or only the open ones.
    public func conflicts(openOnly: Bool, limit: Int = 1000) async throws -> [ConflictRecord] {
        var request = Touchpoint_V1_ConflictsListRequest()
        request.includeResolved = !openOnly
        request.limit = UInt32(limit)
        guard case .conflictsList(let r) = try await connection.admin(.conflictsList(request)) else { throw Self.mismatch("conflicts_list") }
        return try r.conflicts.map { try ConflictRecord(wire: $0) }
    }

    /// One conflict, with the record's current fields.
    public func conflict(_ id: Int64) async throws -> ConflictRecord {
        var request = Touchpoint_V1_ConflictShowRequest()
        request.conflictID = UInt64(id)
        guard case .conflictShow(let r) = try await connection.admin(.conflictShow(request)) else { throw Self.mismatch("conflict_show") }
        return try ConflictRecord(wire: r.conflict, record: r.record)
    }

    /// What a resolution keeps.
    public enum Keep: Sendable, Hashable {
        case winner, loser
        case value(FieldValue)
    }

    /// Resolves a conflict; returns it closed and the sequence of the resolving write (0 when nothing was written).
    public func resolve(_ id: Int64, keep: Keep) async throws -> (ConflictRecord, UInt64) {
        var request = Touchpoint_V1_ConflictResolveRequest()
        request.conflictID = UInt64(id)
        switch keep {
        case .winner: request.choice = .keepWinner
        case .loser: request.choice = .takeLoser
        case .value(let value):
            request.choice = .custom
            request.customValue = Touchpoint_V1_Value(value)
        }
        guard case .conflictResolve(let r) = try await connection.admin(.conflictResolve(request)) else {
            throw Self.mismatch("conflict_resolve")
        }
        return (try ConflictRecord(wire: r.conflict), r.sequence)
    }

    /// A page of the change feed after `sequence`.
    public func changes(after sequence: UInt64, limit: Int = 500) async throws -> ChangesPage {
        var request = Touchpoint_V1_ChangesTailRequest()
        request.afterSequence = sequence
        request.limit = UInt32(limit)
        guard case .changesTail(let r) = try await connection.admin(.changesTail(request)) else { throw Self.mismatch("changes_tail") }
        return ChangesPage(changes: try r.batch.decodedChanges(), more: r.more, head: r.sequenceHead)
    }

    /// A CX report computed by the server over its merged records.
    public func report(_ request: ReportRequest) async throws -> ReportResult {
        let wire = try Touchpoint_V1_ReportRequest(request)
        guard case .report(let r) = try await connection.admin(.report(wire)) else { throw Self.mismatch("report") }
        return try ReportResult(wire: r)
    }

    /// Erases a customer's personal data everywhere (``Erasure``); `reason` goes to the audit log.
    public func eraseCustomer(_ id: UUID, reason: String) async throws -> ErasureReport {
        var request = Touchpoint_V1_CustomerEraseRequest()
        request.customerID = id.wireBytes
        request.reason = reason
        guard case .customerErase(let r) = try await connection.admin(.customerErase(request)) else { throw Self.mismatch("customer_erase") }
        return try ErasureReport(wire: r)
    }

    /// The latest `limit` audit entries at or after `since` (nil: all), oldest first, and whether older ones were left out.
    public func audit(since: Date? = nil, limit: Int = 100) async throws -> (entries: [AuditEntry], more: Bool) {
        var request = Touchpoint_V1_AuditListRequest()
        request.sinceMs = since.map { HLC.milliseconds(max($0, Date(timeIntervalSince1970: 0.001))) } ?? 0
        request.limit = UInt32(clamping: limit)
        guard case .auditList(let r) = try await connection.admin(.auditList(request)) else { throw Self.mismatch("audit_list") }
        return (try r.entries.map(AuditEntry.init(wire:)), r.more)
    }

    static func mismatch(_ request: String) -> ProtocolError {
        ProtocolError(.internal, "the server answered \(request) with another response")
    }
}
