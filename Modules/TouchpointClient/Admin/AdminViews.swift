import Foundation
import TouchpointModel
import TouchpointProtocol

/// The server's sync state as the admin `status` request reports it.
public struct ServerStatus: Codable, Sendable, Hashable {
    public var serverID: String
    public var serverVersion: String
    /// `sqlite` or `postgres`.
    public var store: String
    /// The highest change sequence.
    public var sequence: UInt64
    public var openConflicts: Int
    public var agents: [AgentStatusView]
    /// Hellos refused (wrong, unknown or revoked tokens) since the server started.
    public var failedHellos: Int
    /// The addresses with the most refused Hellos, most first.
    public var failingPeers: [FailingPeerView]

    /// Changes refused permanently across every agent (they sit in the agents' dead letters).
    public var rejected: Int { agents.reduce(0) { $0 + $1.rejected } }
}

/// One agent's sync state.
public struct AgentStatusView: Codable, Sendable, Hashable {
    public var id: UUID
    public var name: String
    public var revoked: Bool
    public var site: String?
    public var lastSeen: Date?
    /// The negotiated protocol version of its latest session, nil when it never connected.
    public var protocolVersion: Int?
    /// The server sequence it last pulled after.
    public var cursor: UInt64
    /// Server sequence minus the agent's pull cursor.
    public var lag: UInt64
    /// Highest outbox sequence the server acknowledged.
    public var ackedOutbox: UInt64
    /// Changes waiting in its outbox at its latest pull, as it reported them; nil when it never did.
    public var outboxDepth: UInt64?
    public var lastSync: Date?
    public var lastError: String?
    /// Changes the server refused permanently.
    public var rejected: Int
    /// Hellos naming this agent that were refused since the server started.
    public var failedHellos: Int
    public var lastFailedHello: Date?

    init(_ wire: Touchpoint_V1_AgentStatus, head: UInt64) {
        id = UUID(wireBytes: wire.agentID) ?? UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
        name = wire.name
        revoked = wire.revoked
        site = UUID(wireBytes: wire.siteID).map { SiteID($0).description }
        lastSeen = Self.date(wire.lastSeenMs)
        protocolVersion = wire.protocolVersion == 0 ? nil : Int(wire.protocolVersion)
        cursor = wire.cursor
        lag = head > wire.cursor ? head - wire.cursor : 0
        ackedOutbox = wire.ackedSequence
        outboxDepth = wire.hasOutboxDepth ? wire.outboxDepth : nil
        lastSync = Self.date(wire.lastSyncMs)
        lastError = wire.lastError.isEmpty ? nil : wire.lastError
        rejected = Int(clamping: wire.rejected)
        failedHellos = Int(clamping: wire.failedHellos)
        lastFailedHello = Self.date(wire.lastFailedHelloMs)
    }

    static func date(_ ms: UInt64) -> Date? { ms == 0 ? nil : Date(timeIntervalSince1970: Double(ms) / 1000) }
}

/// A registered agent.
public struct AgentView: Codable, Sendable, Hashable {
    public var id: UUID
    public var name: String
    public var team: String?
    public var territories: [String]
    public var role: String
    public var revoked: Bool

    init(_ wire: Touchpoint_V1_AgentInfo) {
        id = UUID(wireBytes: wire.agentID) ?? UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
        name = wire.name
        team = wire.team.isEmpty ? nil : wire.team
        territories = wire.territories
        role = wire.role == .admin ? "admin" : "agent"
        revoked = wire.revoked
    }
}

/// A kept conflict: both sides of one field, with sites and agents.
public struct ConflictView: Codable, Sendable, Hashable {
    /// One side: value, version (HLC and site) and the agent behind it.
    public struct Side: Codable, Sendable, Hashable {
        public var value: FieldValue
        public var hlc: UInt64
        /// The wall-clock time of the HLC.
        public var at: Date
        public var site: String
        public var agent: UUID?
    }

    public var id: Int64
    public var entity: EntityType
    public var entityID: UUID
    public var field: String
    public var winner: Side
    public var loser: Side
    public var detectedAt: Date
    public var resolvedAt: Date?
    public var resolvedBy: UUID?
    /// `winner`, `loser` or `value` once resolved.
    public var resolution: String?

    public var isOpen: Bool { resolvedAt == nil }

    init(_ wire: Touchpoint_V1_ConflictInfo) throws {
        func side(_ side: Touchpoint_V1_ConflictSide, agent: Data) throws -> Side {
            let state = try side.fieldState()
            return Side(
                value: state.value, hlc: state.version.hlc.rawValue,
                at: Date(timeIntervalSince1970: Double(state.version.hlc.physical) / 1000),
                site: state.version.site.description, agent: UUID(wireBytes: agent))
        }
        id = Int64(clamping: wire.conflictID)
        entity = try EntityType(wire: wire.entity)
        entityID = try UUID(wireBytes: wire.entityID, field: "entity_id")
        field = wire.field
        winner = try side(wire.winner, agent: wire.winnerAgentID)
        loser = try side(wire.loser, agent: wire.agentID)
        detectedAt = AgentStatusView.date(wire.detectedAtMs) ?? Date(timeIntervalSince1970: 0)
        resolvedAt = AgentStatusView.date(wire.resolvedAtMs)
        resolvedBy = UUID(wireBytes: wire.resolvedBy)
        resolution = wire.resolution.isEmpty ? nil : wire.resolution
    }
}

/// A page of the change feed.
public struct ChangesPage: Sendable, Hashable {
    public var changes: [SequencedChange]
    public var more: Bool
    public var head: UInt64
}
