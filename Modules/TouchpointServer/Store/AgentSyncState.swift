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
