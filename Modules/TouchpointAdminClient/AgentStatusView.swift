import Foundation
import TouchpointModel
import TouchpointProtocol

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
