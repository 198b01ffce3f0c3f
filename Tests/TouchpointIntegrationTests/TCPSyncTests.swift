import Foundation
import NIOCore
import NIOPosix
import Testing
import TouchpointClient
import TouchpointModel
import TouchpointProtocol
import TouchpointServer
import TouchpointStore

@Suite struct TCPSyncTests {
    /// Three laptops over real TCP: offline edits including a concurrent edit of the
    /// same field and a delete against an edit; every laptop verifies convergence.
    @Test func threeLaptopsConvergeOverTCP() async throws {
        let live = try await LiveServer.start()
        defer { Task { await live.stop() } }
        let a = try await live.laptop("Ada", territories: ["north"])
        let b = try await live.laptop("Bo", territories: ["north"])
        let c = try await live.laptop("Cy", territories: ["north"])
        let customer = try Customer(name: "Anika", persona: "tech_savvy", territory: "north")
        let other = try Customer(name: "Musahib", persona: "written_steps", territory: "north")
        try a.store.create(customer)
        try a.store.create(other)
        for laptop in [a, b, c] { try await laptop.sync() }

        try a.store.update(Customer.self, id: customer.id) { $0.segment = "smb" }
        try b.store.update(Customer.self, id: customer.id) { $0.segment = "enterprise" }
        try c.store.delete(.customer, id: other.id)
        try b.store.update(Customer.self, id: other.id) { $0.email = "m@example.com" }
        for _ in 0..<200 {
            try a.store.create(try Interaction(
                customerID: customer.id, agentID: a.agentID, occurredAt: Date(), channel: .phone, touchpoint: "billing",
                stage: .support, outcome: .resolved, summary: String(repeating: "long call notes ", count: 20)))
        }
        for laptop in [c, b, a] { try await laptop.sync() }
        for laptop in [c, b, a] { try await laptop.sync() }

        for laptop in [a, b, c] {
            #expect(try laptop.store.digest() == (try await laptop.serverDigest()))
        }
        #expect(try b.store.status().records["interaction"] == 200)
        let conflicts = try await live.store.conflicts(ConflictFilter())
        #expect(Set(conflicts.map(\.field)) == ["segment", "email"])
    }

    @Test func wrongTokenIsRefusedAndTheConnectionCloses() async throws {
        let live = try await LiveServer.start()
        defer { Task { await live.stop() } }
        let a = try await live.laptop("Ada", territories: ["north"])
        let impostor = Laptop(store: a.store, agentID: a.agentID, token: "tp_wrong", endpoint: a.endpoint)
        let error = await #expect(throws: ProtocolError.self) { try await impostor.sync() }
        #expect(error?.code == .unauthenticated)
    }

    @Test func agentCannotSendAdminRequests() async throws {
        let live = try await LiveServer.start()
        defer { Task { await live.stop() } }
        let a = try await live.laptop("Ada", territories: ["north"])
        let error = await #expect(throws: ProtocolError.self) {
            try await SyncConnection.withConnection(to: a.endpoint, configuration: try a.configuration) { connection in
                try await connection.admin(.status(Touchpoint_V1_StatusRequest()))
            }
        }
        #expect(error?.code == .permissionDenied)
    }

    @Test func unreachableServerIsUnavailableAndNothingIsLost() async throws {
        let live = try await LiveServer.start()
        let a = try await live.laptop("Ada", territories: ["north"])
        await live.stop()
        try await Task.sleep(for: .milliseconds(50))
        try a.store.create(try Customer(name: "Offline", territory: "north"))
        let error = await #expect(throws: ProtocolError.self) { try await a.sync() }
        #expect(error?.code == .unavailable)
        #expect(try a.store.status().outboxDepth == 1)
    }

    /// Garbage on the wire gets an Error frame and a closed connection, and the
    /// server keeps serving others.
    @Test(arguments: [
        [UInt8]([0x02, 0, 0, 0, 1, 0]),  // unknown flag bit
        [UInt8]([0x00, 0x7f, 0xff, 0xff, 0xff]),  // length over the limit
        [UInt8]([0x01, 0, 0, 0, 4, 1, 2, 3, 4]),  // "compressed" payload that is not zlib
        [UInt8]([0x00, 0, 0, 0, 3, 0xff, 0xff, 0xff]),  // not a protobuf Envelope
    ])
    func malformedFramesGetAnErrorAndAClose(bytes: [UInt8]) async throws {
        let live = try await LiveServer.start()
        defer { Task { await live.stop() } }
        let reply = try await RawSocket.exchange(bytes, with: live.endpoint)
        let error = try #require(reply.first)
        guard case .error(let wire) = error.body else {
            Issue.record("expected an Error frame, got \(error.kindName)")
            return
        }
        #expect(wire.fatal)
        #expect(reply.count == 1, "the server closes after the Error frame")
        let a = try await live.laptop("Ada", territories: ["north"])
        try a.store.create(try Customer(name: "Still served", territory: "north"))
        #expect(try await a.sync().pushed == 1)
    }
}

extension TCPSyncTests {
    /// A peer that never says Hello gets a fatal DEADLINE_EXCEEDED Error frame and a close.
    @Test func peerWithoutHelloIsClosedAfterTheHandshakeTimeout() async throws {
        var network = SyncServer.Configuration.defaults
        network.handshakeTimeout = .milliseconds(300)
        let reply = try await silentPeerReply(network)
        guard case .error(let error)? = reply.first?.body else {
            Issue.record("expected an Error frame, got \(reply.map(\.kindName))")
            return
        }
        #expect(error.code == .deadlineExceeded && error.fatal)
        #expect(error.message.contains("no Hello"))
    }

    /// A session that goes quiet after Welcome gets a Goodbye and a close.
    @Test func quietSessionGetsGoodbyeAfterTheIdleTimeout() async throws {
        var network = SyncServer.Configuration.defaults
        network.idleTimeout = .milliseconds(300)
        let live = try await LiveServer.start(network: network)
        defer { Task { await live.stop() } }
        let a = try await live.laptop("Ada", territories: ["north"])
        let error = await #expect(throws: ProtocolError.self) {
            try await SyncConnection.withConnection(to: a.endpoint, configuration: try a.configuration) { connection in
                try await Task.sleep(for: .seconds(2))
                _ = try await connection.pull(after: 0, limit: 10)
            }
        }
        #expect(error?.code == .unavailable)
        #expect(error?.message.contains("idle") == true, "\(String(describing: error))")
    }

    private func silentPeerReply(_ network: SyncServer.Configuration) async throws -> [Envelope] {
        let live = try await LiveServer.start(network: network)
        defer { Task { await live.stop() } }
        return try await RawSocket.exchange([], with: live.endpoint)
    }
}

/// Writes raw bytes to the server and collects every frame it answers until it closes.
enum RawSocket {
    static func exchange(_ bytes: [UInt8], with endpoint: Endpoint) async throws -> [Envelope] {
        try await RawSession.with(endpoint) { session in
            try await session.send(bytes)
            var replies: [Envelope] = []
            while let envelope = try await session.next() { replies.append(envelope) }
            return replies
        }
    }
}
