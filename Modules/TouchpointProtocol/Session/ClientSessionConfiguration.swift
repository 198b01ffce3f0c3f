import Foundation
import TouchpointModel

/// What a client session announces in Hello.
public struct ClientSessionConfiguration: Hashable, Sendable {
    /// The client's replica id.
    public var siteID: SiteID
    /// The agent (or admin) to authenticate as; nil: whoever the token belongs to
    /// (Welcome says who that is).
    public var agentID: UUID?
    /// Its token.
    public var token: String
    /// Versions the client speaks; default ``ProtocolVersion/supported``.
    public var supportedVersions: ClosedRange<UInt32>
    /// What the client accepts (max frame, max page).
    public var limits: ProtocolLimits
    /// Whether zlib is offered, and the encoder's threshold.
    public var compression: CompressionConfiguration
    /// Sent as Hello.client_name.
    public var clientName: String
    /// How long to wait for the connection and for each answer.
    public var timeouts: ClientTimeouts
    /// TLS on the connection; nil for plain TCP (loopback and development).
    public var tls: ClientTLS?

    /// Creates a configuration with the documented defaults.
    public init(
        siteID: SiteID,
        agentID: UUID?,
        token: String,
        supportedVersions: ClosedRange<UInt32> = ProtocolVersion.supported,
        limits: ProtocolLimits = .defaults,
        compression: CompressionConfiguration = .defaults,
        clientName: String = "touchpoint-swift",
        timeouts: ClientTimeouts = .defaults
    ) {
        self.siteID = siteID
        self.agentID = agentID
        self.token = token
        self.supportedVersions = supportedVersions
        self.limits = limits
        self.compression = compression
        self.clientName = clientName
        self.timeouts = timeouts
    }
}

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
}

/// One pull page, decoded and checked against its request.
public struct PulledPage: Hashable, Sendable {
    /// Changes in server-sequence order.
    public var changes: [SequencedChange]
    /// The cursor to store with the page, in the same local transaction.
    public var nextCursor: UInt64
    /// True when more changes wait after `nextCursor`.
    public var hasMore: Bool
    /// The server's sequence head when the page was made.
    public var sequenceHead: UInt64

    /// Creates a page.
    public init(changes: [SequencedChange], nextCursor: UInt64, hasMore: Bool, sequenceHead: UInt64) {
        self.changes = changes
        self.nextCursor = nextCursor
        self.hasMore = hasMore
        self.sequenceHead = sequenceHead
    }
}

/// The kind of a request the client has outstanding.
public enum ClientRequestKind: Hashable, Sendable {
    /// A push of a batch whose highest outbox sequence is `lastSequence`.
    case push(lastSequence: UInt64)
    /// A pull after `afterSequence` of at most `maxChanges`.
    case pull(afterSequence: UInt64, maxChanges: Int)
    /// An admin command.
    case admin
    /// A ping.
    case ping(nonce: UInt64)
}
