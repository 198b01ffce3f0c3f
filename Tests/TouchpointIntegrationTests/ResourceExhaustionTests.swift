import Foundation
import NIOCore
import Testing
import TouchpointClient
import TouchpointProtocol
import TouchpointServer

/// Issue 9, "resource exhaustion": an unauthenticated peer can make the server
/// buffer at most a handshake-sized frame, trickled bytes do not keep a session
/// alive, and the server raises its open-file limit at start.
@Suite struct ResourceExhaustionTests {
    /// Before Welcome a frame may be at most 64 KiB: a bigger one is refused from its header.
    @Test func oversizedFrameBeforeWelcomeIsRefusedAtTheHeader() async throws {
        var network = SyncServer.Configuration.defaults
        network.handshakeTimeout = .seconds(3)
        let live = try await LiveServer.start(network: network)
        defer { Task { await live.stop() } }
        let peer = try await RawPeer.connect(to: live.endpoint)
        defer { peer.close() }
        try await peer.send(bytes: [0, 0, 0x10, 0, 0] + [UInt8](repeating: 0x0a, count: 1000))  // announces 1 MiB
        let reply = await peer.next()?.envelope
        guard case .error(let error)? = reply?.body else {
            Issue.record("expected an Error frame, got \(reply?.kindName ?? "nothing")")
            return
        }
        #expect(error.code == .resourceExhausted && error.fatal, "\(error.code): \(error.message)")
        #expect(error.details.first { $0.key == "limit" }?.value == String(64 * 1024))
        #expect(await peer.next() == nil, "the server closes after the Error frame")
    }

    /// A ready session that trickles the bytes of a frame that never completes is
    /// idle: it gets its Goodbye like a silent one.
    @Test func partialFrameDoesNotKeepASessionAlive() async throws {
        var network = SyncServer.Configuration.defaults
        network.idleTimeout = .milliseconds(300)
        let live = try await LiveServer.start(network: network)
        defer { Task { await live.stop() } }
        let a = try await live.laptop("Ada", territories: ["north"])
        // The peer closes itself after 15 s, while bytes still trickle: no Goodbye by then fails the test.
        let peer = try await RawPeer.connect(to: live.endpoint, lifetime: .seconds(15))
        defer { peer.close() }
        guard case .welcome? = try await peer.hello(try a.configuration)?.envelope.body else {
            Issue.record("no Welcome")
            return
        }
        let trickle = Task { [channel = peer.channel] in
            var byte = ByteBufferAllocator().buffer(capacity: 5)
            byte.writeBytes([0, 0, 0, 0x10, 0])  // a 4 KiB frame, then one byte of it every 50 ms
            try await channel.writeAndFlush(byte)
            for _ in 0..<400 {
                try await Task.sleep(for: .milliseconds(50))
                try await channel.writeAndFlush(ByteBuffer(bytes: [0x0a]))
            }
        }
        defer { trickle.cancel() }
        let reply = await peer.next()?.envelope
        guard case .goodbye(let goodbye)? = reply?.body else {
            Issue.record("expected a Goodbye while bytes trickled, got \(reply?.kindName ?? "nothing")")
            return
        }
        #expect(goodbye.reason.contains("idle"), "\(goodbye.reason)")
    }
}

extension ResourceExhaustionTests {
    /// A peer address over its connection cap is refused at once with a retryable
    /// RESOURCE_EXHAUSTED; a slot freed is a slot a new session gets.
    @Test func connectionsOverThePerPeerCapAreRefusedAtOnce() async throws {
        var network = SyncServer.Configuration.defaults
        network.maxConnectionsPerPeer = 3
        let live = try await LiveServer.start(network: network)
        defer { Task { await live.stop() } }
        let a = try await live.laptop("Ada", territories: ["north"])
        var held: [RawPeer] = []
        for _ in 0..<3 {
            let peer = try await RawPeer.connect(to: live.endpoint)
            guard case .welcome? = try await peer.hello(try a.configuration)?.envelope.body else {
                Issue.record("no Welcome under the cap")
                return
            }
            held.append(peer)
        }
        let over = try await RawPeer.connect(to: live.endpoint)
        defer { over.close() }
        guard case .error(let error)? = await over.next()?.envelope.body else {
            Issue.record("the fourth connection was not refused")
            return
        }
        #expect(error.code == .resourceExhausted && error.fatal && error.retryAfterMs > 0, "\(error)")
        for peer in held { peer.close() }
        for _ in 0..<100 where (try? await a.sync()) == nil {
            try await Task.sleep(for: .milliseconds(50))  // the closes reach the server asynchronously
        }
        #expect(try await a.sync().pushed == 0)
    }
}
