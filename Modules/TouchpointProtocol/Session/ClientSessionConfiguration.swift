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
