import Foundation
import TouchpointModel

/// One agent as admins see it: its registration and its sync state.
///
/// The one type for it: the server's store fills it, the admin handler sends it
/// (`AgentInfo` for the registration, `AgentStatus` for the sync state, see
/// `AgentSyncState+Wire.swift`), the admin client returns it and `touchpointctl`
/// renders it. Its `Encodable` form is a `status --json` row (id and name, then the sync state).
public struct AgentSyncState: Hashable, Sendable, Encodable {
    public var agent: Agent
    public var revoked: Bool
    /// The site id of its latest session.
    public var site: String?
    /// The latest frame from it.
    public var lastSeen: Date?
    /// The negotiated protocol version of its latest session, nil when it never connected.
    public var protocolVersion: Int?
    /// The server sequence it last pulled after.
    public var cursor: UInt64
    /// Server sequence minus its pull cursor.
    public var lag: UInt64
    /// Highest outbox sequence the server acknowledged.
    public var ackedOutbox: UInt64
    /// Changes waiting in its outbox at its latest pull, as it reported them; nil when it never did.
    public var outboxDepth: UInt64?
    /// Its latest successful push or pull.
    public var lastSync: Date?
    public var lastError: String?
    /// Changes the server refused permanently (its dead letters).
    public var rejected: Int
    /// Hellos naming this agent that were refused since the server started.
    public var failedHellos: Int
    public var lastFailedHello: Date?
    /// True while a garbage collection has it marked stale (silent too long): it resyncs whole when it returns.
    public var stale: Bool

    public init(
        agent: Agent, revoked: Bool = false, site: String? = nil, lastSeen: Date? = nil, protocolVersion: Int? = nil,
        cursor: UInt64 = 0, lag: UInt64 = 0, ackedOutbox: UInt64 = 0, outboxDepth: UInt64? = nil, lastSync: Date? = nil,
        lastError: String? = nil, rejected: Int = 0, failedHellos: Int = 0, lastFailedHello: Date? = nil, stale: Bool = false
    ) {
        self.agent = agent
        self.revoked = revoked
        self.site = site
        self.lastSeen = lastSeen
        self.protocolVersion = protocolVersion
        self.cursor = cursor
        self.lag = lag
        self.ackedOutbox = ackedOutbox
        self.outboxDepth = outboxDepth
        self.lastSync = lastSync
        self.lastError = lastError
        self.rejected = rejected
        self.failedHellos = failedHellos
        self.lastFailedHello = lastFailedHello
        self.stale = stale
    }

    public var id: UUID { agent.id }
    public var name: String { agent.name }

    enum CodingKeys: String, CodingKey {
        case id, name, revoked, site, lastSeen, protocolVersion, cursor, lag, ackedOutbox, outboxDepth, lastSync, lastError
        case rejected, failedHellos, lastFailedHello, stale
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(revoked, forKey: .revoked)
        try container.encodeIfPresent(site, forKey: .site)
        try container.encodeIfPresent(lastSeen, forKey: .lastSeen)
        try container.encodeIfPresent(protocolVersion, forKey: .protocolVersion)
        try container.encode(cursor, forKey: .cursor)
        try container.encode(lag, forKey: .lag)
        try container.encode(ackedOutbox, forKey: .ackedOutbox)
        try container.encodeIfPresent(outboxDepth, forKey: .outboxDepth)
        try container.encodeIfPresent(lastSync, forKey: .lastSync)
        try container.encodeIfPresent(lastError, forKey: .lastError)
        try container.encode(rejected, forKey: .rejected)
        try container.encode(failedHellos, forKey: .failedHellos)
        try container.encodeIfPresent(lastFailedHello, forKey: .lastFailedHello)
        try container.encode(stale, forKey: .stale)
    }
}
