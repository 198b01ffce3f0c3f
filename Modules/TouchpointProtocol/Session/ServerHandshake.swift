import Foundation
import TouchpointModel

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
