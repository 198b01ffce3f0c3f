import Foundation
import Testing
import TouchpointClient
import TouchpointModel
import TouchpointProtocol
import TouchpointServer
import TouchpointStore

/// Issue 9, "honouring the peer's limits": over TCP, a raw client announcing a
/// 25-change page and a 4,096-byte frame in Hello never gets a bigger page or
/// frame, whatever it asks for.
@Suite struct PeerLimitsTCPTests {
    static let small = ProtocolLimits(maxFrameBytes: 4096, maxPageChanges: 25)

    @Test(arguments: [ProtocolLimits(maxPageChanges: 25), small], [0, 10, 100])
    func pullPagesFitTheClientsAnnouncedPageAndFrameLimits(announced: ProtocolLimits, maxChanges: Int) async throws {
        let live = try await LiveServer.start()
        defer { Task { await live.stop() } }
        let writer = try await live.laptop("Ada", territories: ["north"])
        let reader = try await live.laptop("Bo", territories: ["north"])
        try writer.store.create((0..<120).map { try Customer(name: "Customer \($0)", territory: "north") as any SyncRecord })
        #expect(try await writer.sync().pushed == 120)

        let peer = try await RawPeer.connect(to: live.endpoint)
        defer { peer.close() }
        var hello = try reader.configuration
        hello.limits = announced
        guard case .welcome? = try await peer.hello(hello)?.envelope.body else {
            Issue.record("no Welcome")
            return
        }
        var cursor: UInt64 = 0
        var received = 0
        for _ in 0..<200 {
            let reply = try #require(try await peer.request { .pullRequest(requestID: $0, afterSequence: cursor, maxChanges: maxChanges) })
            guard case .pullPage(let page) = reply.envelope.body else {
                Issue.record("expected a PullPage, got \(reply.envelope.kindName)")
                return
            }
            let count = page.batch.changes.count
            #expect(count <= announced.maxPageChanges, "a \(count)-change page for a client that takes 25")
            #expect(maxChanges == 0 || count <= maxChanges, "a \(count)-change page for a request of \(maxChanges)")
            #expect(reply.length <= announced.maxFrameBytes, "a \(reply.length)-byte frame for a client that takes \(announced.maxFrameBytes)")
            received += count
            cursor = page.nextCursor
            if !page.more { break }
        }
        #expect(received == 120)
    }

    /// An answer the client's frame limit cannot hold is refused for that request
    /// (RESOURCE_EXHAUSTED), never sent; the session carries on.
    @Test func answersOverTheClientsFrameLimitAreRefusedNotSent() async throws {
        let live = try await LiveServer.start()
        defer { Task { await live.stop() } }
        let writer = try await live.laptop("Ada", territories: ["north"])
        let admin = try await live.laptop("Root", territories: [], role: .admin)
        try writer.store.create((0..<120).map { try Customer(name: "Customer \($0)", territory: "north") as any SyncRecord })
        #expect(try await writer.sync().pushed == 120)

        let peer = try await RawPeer.connect(to: live.endpoint)
        defer { peer.close() }
        var hello = try admin.configuration
        hello.limits = Self.small
        guard case .welcome? = try await peer.hello(hello)?.envelope.body else {
            Issue.record("no Welcome")
            return
        }
        var tail = Touchpoint_V1_ChangesTailRequest()
        tail.limit = 1000
        let reply = try #require(try await peer.request { .adminRequest(requestID: $0, .changesTail(tail)) })
        #expect(reply.length <= Self.small.maxFrameBytes, "a \(reply.length)-byte frame for a client that takes 4096")
        guard case .error(let error) = reply.envelope.body else {
            Issue.record("expected a request-scoped Error, got \(reply.envelope.kindName)")
            return
        }
        #expect(error.code == .resourceExhausted && !error.fatal)
        #expect(error.message.contains("4096"), "\(error.message)")
        guard case .pong? = try await peer.request({ .ping(requestID: $0, nonce: 1) })?.envelope.body else {
            Issue.record("the session did not carry on")
            return
        }
    }
}
