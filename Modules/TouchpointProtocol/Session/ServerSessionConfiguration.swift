import Foundation
import TouchpointModel

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
