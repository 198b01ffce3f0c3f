import Foundation
import TouchpointModel

/// The protocol versions this implementation speaks.
public enum ProtocolVersion {
    /// The current (and only) version.
    public static let current: UInt32 = 1
    /// Every version this implementation can negotiate.
    public static let supported: ClosedRange<UInt32> = 1...1
}

/// What a server session announces and enforces.
public struct ServerSessionConfiguration: Hashable, Sendable {
    /// The server's site id, sent in Welcome.
    public var serverID: SiteID
    /// Versions the server accepts; default ``ProtocolVersion/supported``.
    public var supportedVersions: ClosedRange<UInt32>
    /// What the server accepts: frame size, push batch, pull page.
    public var limits: ProtocolLimits
    /// Whether zlib is offered, and the threshold the encoder uses.
    public var compression: CompressionConfiguration
    /// A connection that has not sent Hello after this long is closed. Default 10 s.
    public var handshakeTimeout: Duration
    /// Clients ping after this long without sending. Default 30 s.
    public var keepaliveInterval: Duration
    /// A session that sent nothing for this long is closed. Default 90 s (3 keepalives).
    public var idleTimeout: Duration

    /// Creates a configuration with the documented defaults.
    public init(
        serverID: SiteID,
        supportedVersions: ClosedRange<UInt32> = ProtocolVersion.supported,
        limits: ProtocolLimits = .defaults,
        compression: CompressionConfiguration = .defaults,
        handshakeTimeout: Duration = .seconds(10),
        keepaliveInterval: Duration = .seconds(30),
        idleTimeout: Duration = .seconds(90)
    ) {
        self.serverID = serverID
        self.supportedVersions = supportedVersions
        self.limits = limits
        self.compression = compression
        self.handshakeTimeout = handshakeTimeout
        self.keepaliveInterval = keepaliveInterval
        self.idleTimeout = idleTimeout
    }
}

/// What a client announced in its Hello, after version negotiation.
public struct ServerHandshake: Hashable, Sendable {
    /// The Hello's request id (echoed on Welcome or Error).
    public var requestID: UInt64
    /// The negotiated protocol version.
    public var version: UInt32
    /// The client's replica id.
    public var siteID: SiteID
    /// The agent the client authenticates as; nil: whoever the token belongs to.
    public var agentID: UUID?
    /// The token to check.
    public var token: String
    /// zlib when both sides support it, otherwise none.
    public var compression: Touchpoint_V1_Compression
    /// What the client accepts (the frame size the server must stay under).
    public var clientLimits: ProtocolLimits
    /// The client software's self-description.
    public var clientName: String
}

/// An authenticated session.
public struct ServerSession: Hashable, Sendable {
    /// The handshake it came from.
    public var handshake: ServerHandshake
    /// What the token grants.
    public var role: AgentRole
}

extension Duration {
    /// Whole milliseconds, clamped to `UInt32`.
    var wireMilliseconds: UInt32 {
        let (seconds, attoseconds) = components
        return UInt32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000)
    }
}
