import Foundation
import TouchpointModel

extension FailingPeer {
    /// The wire `PeerFailures`.
    public var wire: Touchpoint_V1_PeerFailures {
        var wire = Touchpoint_V1_PeerFailures()
        wire.peer = peer
        wire.failedHellos = UInt64(clamping: failedHellos)
        wire.lastFailedHelloMs = HLC.milliseconds(lastFailedHello)
        wire.delayMs = delayMs
        if let agent = lastClaimedAgent { wire.lastClaimedAgentID = agent.wireBytes }
        wire.lastReason = lastReason
        return wire
    }

    /// Reads a wire `PeerFailures`.
    public init(wire: Touchpoint_V1_PeerFailures) {
        self.init(
            peer: wire.peer, failedHellos: Int(clamping: wire.failedHellos),
            lastFailedHello: Date(timeIntervalSince1970: Double(wire.lastFailedHelloMs) / 1000), delayMs: wire.delayMs,
            lastClaimedAgent: UUID(wireBytes: wire.lastClaimedAgentID), lastReason: wire.lastReason)
    }
}
