import Foundation

/// Refused Hellos from one address: the server's Hello throttle counts them, the admin
/// `status` request reports them (see `FailingPeer+Wire.swift`), `touchpointctl status` shows them.
public struct FailingPeer: Codable, Sendable, Hashable {
    /// The IP address, without the port.
    public var peer: String
    public var failedHellos: Int
    public var lastFailedHello: Date
    /// How long the server now waits before checking the next Hello from this address.
    public var delayMs: UInt64
    /// The agent id the latest refused Hello named, nil when it named none.
    public var lastClaimedAgent: UUID?
    public var lastReason: String

    public init(peer: String, failedHellos: Int, lastFailedHello: Date, delayMs: UInt64, lastClaimedAgent: UUID?, lastReason: String) {
        self.peer = peer
        self.failedHellos = failedHellos
        self.lastFailedHello = lastFailedHello
        self.delayMs = delayMs
        self.lastClaimedAgent = lastClaimedAgent
        self.lastReason = lastReason
    }
}
