import Foundation
import Testing
import TouchpointClient
import TouchpointProtocol

/// Issue 9, "resource exhaustion", against a real `touchpoint-server` process:
/// stalled connections cannot make it hold more than the handshake frame limit
/// each, more sockets than it has file descriptors are refused at once instead
/// of queueing, and established agents are served throughout.
@Suite(.serialized) struct ConnectionFloodTests {
    static let stalled = 1000
    static let options = ["--max-connections", "2048", "--max-connections-per-peer", "2048"]

    /// 1,000 unauthenticated connections, half stalled one byte short of a 1 MiB
    /// frame and half one byte short of a 64 KiB one: the server's peak RSS
    /// stays within two handshake frames per connection (plus 64 MiB of slack)
    /// above its baseline, while an agent syncs.
    @Test func stalledConnectionsHoldBoundedMemoryWhileAnAgentSyncs() async throws {
        let fixture = try ServerProcessFixture("stalled")
        defer { fixture.tearDown() }
        try fixture.start(Self.options)
        #expect(try await fixture.syncNewCustomers(10, named: "Warm-up").pushed == 10)
        let baseline = try fixture.server.memoryKB("VmRSS")

        let big = try await StalledConnections.open(Self.stalled / 2, announcing: 1024 * 1024, to: fixture.server.endpoint)
        let small = try await StalledConnections.open(Self.stalled / 2, announcing: 64 * 1024, to: fixture.server.endpoint)
        #expect(try await StalledConnections.waitUntilRead(port: fixture.server.endpoint.port, within: .seconds(60)))
        let started = ContinuousClock.now
        let synced = try await fixture.syncNewCustomers(50, named: "During")
        let syncTime = ContinuousClock.now - started  // reported, never asserted
        let peak = try fixture.server.memoryKB("VmHWM")
        await big.close()
        await small.close()
        let after = try fixture.server.memoryKB("VmRSS")

        let boundKB = baseline + Self.stalled * 2 * 64 + 64 * 1024
        print("stalled connections: \(big.channels.count + small.channels.count) opened; server RSS baseline \(baseline / 1024) MiB, peak \(peak / 1024) MiB (bound \(boundKB / 1024) MiB), after closing \(after / 1024) MiB; agent pushed \(synced.pushed) in \(syncTime)")
        #expect(synced.pushed == 50, "the agent syncs while the connections stall")
        #expect(peak <= boundKB, "server RSS peaked at \(peak / 1024) MiB, over the \(boundKB / 1024) MiB bound")
    }

    /// The server raises its soft open-file limit to the hard one at start.
    @Test func serverRaisesItsFileDescriptorLimitAtStart() async throws {
        let fixture = try ServerProcessFixture("rlimit")
        defer { fixture.tearDown() }
        try fixture.start(fileLimit: (256, hard: false))
        let limits = try fixture.server.fileLimits()
        #expect(limits.soft == limits.hard, "soft limit \(limits.soft), hard \(limits.hard)")
    }

    /// A server limited to 200 file descriptors faces 300 idle sockets: the ones
    /// over its connection cap get a RESOURCE_EXHAUSTED Error at once (retry
    /// later) instead of waiting in the backlog, it never runs out of
    /// descriptors, an established session is served throughout and new agents
    /// sync once the flood is gone.
    @Test func establishedAgentsAreServedWhileSocketsOutnumberFds() async throws {
        let fixture = try ServerProcessFixture("fds")
        defer { fixture.tearDown() }
        try fixture.start(fileLimit: (200, hard: true))
        #expect(try await fixture.syncNewCustomers(10, named: "Before").pushed == 10)
        let established = try await RawPeer.connect(to: fixture.server.endpoint)
        defer { established.close() }
        guard case .welcome? = try await established.hello(fixture.configuration)?.envelope.body else {
            Issue.record("no Welcome")
            return
        }

        var flood: [RawPeer] = []
        for _ in 0..<300 {
            if let peer = try? await RawPeer.connect(to: fixture.server.endpoint, lifetime: .seconds(30)) { flood.append(peer) }
        }
        let page = try await established.request { .pullRequest(requestID: $0, afterSequence: 0) }
        guard case .pullPage(let pulled)? = page?.envelope.body else {
            Issue.record("the established session got \(page?.envelope.kindName ?? "nothing") for its pull")
            return
        }
        #expect(pulled.batch.changes.count == 10)
        #expect(try fixture.server.openFileCount() < 200, "the server must never run out of descriptors")

        var refused = 0
        for peer in flood {
            if case .error(let error)? = await peer.next()?.envelope.body, error.code == .resourceExhausted {
                #expect(error.retryAfterMs > 0)
                refused += 1
            }
            peer.close()
        }
        print("fd flood: \(flood.count) sockets against 200 descriptors, \(refused) refused at once")
        #expect(refused >= flood.count - 200 + 1, "only \(refused) of \(flood.count) sockets were refused")
        #expect(try await fixture.syncNewCustomers(5, named: "After").pushed == 5)
    }
}
