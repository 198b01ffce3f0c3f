import Foundation
import TouchpointModel

/// One agent as admins see it: registration plus sync state.
public struct AgentSyncState: Hashable, Sendable, Codable {
    public var agent: Agent
    public var revoked: Bool
    public var site: String?
    public var lastSeen: Date?
    public var protocolVersion: Int?
    /// Highest local sequence acknowledged from this agent.
    public var pushedSeq: UInt64
    /// The cursor the agent last pulled up to.
    public var pullCursor: UInt64
    public var lastSyncAt: Date?
    public var lastError: String?
    public var lastErrorAt: Date?
    /// Changes of this agent's pushes the server refused permanently (its dead letters).
    public var rejected: Int = 0
    /// The changes waiting in its outbox at its latest pull, as it reported them; nil when it never did.
    public var outboxDepth: UInt64? = nil
}

/// A kept conflict: both values, versions, sites and agents of one field.
public struct ConflictRecord: Hashable, Sendable, Codable {
    public var id: Int64
    public var entity: EntityType
    public var entityID: UUID
    public var field: String
    public var winner: FieldState
    public var loser: FieldState
    /// Agents behind the two sites, when known.
    public var winnerAgent: UUID?
    public var loserAgent: UUID?
    public var detectedAt: Date
    public var resolvedAt: Date?
    public var resolvedBy: UUID?
    /// What the resolution kept, e.g. `winner`, `loser`, `value`.
    public var resolution: String?
}

/// Which conflicts to list.
public struct ConflictFilter: Hashable, Sendable {
    public var openOnly = false
    public var agentID: UUID?
    public var entity: EntityType?
    /// Paging: only conflicts with a larger id, oldest first (nil: newest first).
    public var afterID: Int64?
    public var limit = 100

    /// The default: every conflict, newest first, 100 at most.
    public init() {}
}

/// How an admin resolves a conflict.
public enum ConflictResolution: Hashable, Sendable {
    /// Keep the merge rule's winner (closes the conflict; writes nothing if it is current).
    case winner
    /// Restore the losing value.
    case loser
    /// Write another value.
    case value(FieldValue)
}
