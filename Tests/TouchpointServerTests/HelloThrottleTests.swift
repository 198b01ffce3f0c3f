import Foundation
import Testing
import TouchpointProtocol
import TouchpointServer

/// Issue 9: failed Hellos are counted per address and agent, and cost the
/// address a wait that grows, is capped, decays and keeps bounded memory.
@Suite struct HelloThrottleTests {
    /// A clock the test moves by hand.
    final class ManualClock: @unchecked Sendable {
        var now = Date(timeIntervalSince1970: 1_750_000_000)
    }

    let clock = ManualClock()
    let agent = UUID()

    func throttle(maxEntries: Int = 4096) -> HelloThrottle {
        var configuration = HelloThrottle.Configuration.defaults
        configuration.baseDelay = .milliseconds(100)
        configuration.maxDelay = .seconds(1)
        configuration.halfLife = .seconds(60)
        configuration.maxEntries = maxEntries
        let clock = self.clock
        return HelloThrottle(configuration: configuration, clock: { clock.now })
    }

    @Test func theWaitDoublesWithEachFailureUpToTheCap() {
        let throttle = throttle()
        #expect(throttle.delay(for: "203.0.113.9") == .zero)
        var delays: [Duration] = []
        for _ in 1...6 {
            throttle.failed(peer: "203.0.113.9", claimedAgent: agent, reason: "unknown or revoked token")
            delays.append(throttle.delay(for: "203.0.113.9"))
        }
        #expect(delays == [.milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(800), .seconds(1), .seconds(1)])
        #expect(throttle.delay(for: "198.51.100.1") == .zero, "other addresses are not slowed")
        let snapshot = throttle.snapshot()
        #expect(snapshot.total == 6)
        #expect(snapshot.agents[agent]?.failures == 6)
        #expect(snapshot.peers.map(\.peer) == ["203.0.113.9"])
        #expect(snapshot.peers.first?.lastReason == "unknown or revoked token")
    }

    @Test func theWaitDecaysWhileTheAddressIsQuiet() {
        let throttle = throttle()
        for _ in 1...3 { throttle.failed(peer: "203.0.113.9", claimedAgent: nil, reason: "wrong") }
        let before = throttle.delay(for: "203.0.113.9")
        clock.now += 60
        let later = throttle.delay(for: "203.0.113.9")
        clock.now += 600
        #expect(later < before)
        #expect(throttle.delay(for: "203.0.113.9") == .zero)
        #expect(throttle.snapshot().peers.first?.failedHellos == 3, "the count stays for admins")
    }

    @Test func tablesForgetTheStalestEntriesFirst() {
        let throttle = throttle(maxEntries: 3)
        for index in 1...5 {
            clock.now += 1
            throttle.failed(peer: "192.0.2.\(index)", claimedAgent: UUID(), reason: "wrong")
        }
        let snapshot = throttle.snapshot()
        #expect(Set(snapshot.peers.map(\.peer)) == ["192.0.2.3", "192.0.2.4", "192.0.2.5"])
        #expect(snapshot.agents.count == 3)
        #expect(snapshot.total == 5)
    }
}
