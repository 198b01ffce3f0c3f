import TouchpointModel

/// What the server granted in its Welcome.
public struct ClientSession: Hashable, Sendable {
    /// The negotiated protocol version.
    public var version: UInt32
    /// The server's site id.
    public var serverID: SiteID
    /// zlib when the client may compress (and will receive compressed frames).
    public var compression: Touchpoint_V1_Compression
    /// What the server accepts: the client's frames and batches must fit.
    public var serverLimits: ProtocolLimits
    /// What the token grants.
    public var role: AgentRole
    /// The server's sequence head at Welcome.
    public var sequenceHead: UInt64
    /// The server's clock at Welcome, milliseconds since the epoch.
    public var serverTimeMs: UInt64
    /// Ping after this long without sending.
    public var keepaliveInterval: Duration
    /// The server closes the session after this long without a frame.
    public var idleTimeout: Duration
    /// Who the token belongs to, when the server says (it always does since Welcome field 12).
    public var agent: SessionAgent?
    /// The server store's epoch, when the server says.
    public var serverEpoch: ServerEpoch?
    /// True when the server marked this agent stale: it wants a full resync (Welcome field 16).
    public var resyncRequired = false
}
