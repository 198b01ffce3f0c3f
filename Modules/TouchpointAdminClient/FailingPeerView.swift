import Foundation
import TouchpointProtocol

/// Refused Hellos from one address, as the admin `status` request reports them.
public struct FailingPeerView: Codable, Sendable, Hashable {
    /// The IP address, without the port.
    public var peer: String
    public var failedHellos: Int
    public var lastFailedHello: Date
    /// How long the server now waits before checking the next Hello from this address.
    public var delayMs: UInt64
    /// The agent id the latest refused Hello named, nil when it named none.
    public var lastClaimedAgent: UUID?
    public var lastReason: String

    init(_ wire: Touchpoint_V1_PeerFailures) {
        peer = wire.peer
        failedHellos = Int(clamping: wire.failedHellos)
        lastFailedHello = Date(timeIntervalSince1970: Double(wire.lastFailedHelloMs) / 1000)
        delayMs = wire.delayMs
        lastClaimedAgent = UUID(wireBytes: wire.lastClaimedAgentID)
        lastReason = wire.lastReason
    }
}
