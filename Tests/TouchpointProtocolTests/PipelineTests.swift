import NIOCore
import NIOEmbedded
import Testing
import TouchpointModel
import TouchpointProtocol

/// The codec in NIO pipelines, driven by both state machines the way the
/// server and client connection handlers will: no sockets, bytes shuttled by hand.
@Suite struct PipelineTests {
    struct Peer {
        let channel = EmbeddedChannel()
        let encoder = FrameEncoder(compression: CompressionConfiguration(threshold: 256))

        init() throws {
            try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(FrameDecoder()))
            try channel.pipeline.syncOperations.addHandler(MessageToByteHandler(encoder))
        }

        /// Writes an envelope and returns the bytes that reached the wire.
        func send(_ envelope: Envelope) throws -> ByteBuffer {
            try channel.writeOutbound(envelope)
            return try #require(try channel.readOutbound(as: ByteBuffer.self))
        }

        /// Feeds wire bytes in and returns the decoded envelope.
        func receive(_ bytes: ByteBuffer) throws -> Envelope {
            try channel.writeInbound(bytes)
            return try #require(try channel.readInbound(as: Envelope.self))
        }
    }

    @Test func handshakeThenCompressedPushAndAck() throws {
        let server = try Peer(), client = try Peer()
        var serverMachine = ServerSessionStateMachine(configuration: ServerSessionConfiguration(serverID: Samples.serverSite))
        var clientMachine = ClientSessionStateMachine(configuration: ClientSessionConfiguration(
            siteID: Samples.agentSite, agentID: Samples.agentID, token: "secret"))

        let hello = try server.receive(client.send(try clientMachine.start()))
        guard case .authenticate(let handshake) = serverMachine.received(hello) else { Issue.record("no authenticate"); return }
        #expect(handshake.token == "secret")
        guard case .send(let welcome) = serverMachine.authenticated(role: .agent, sequenceHead: 9, serverTimeMs: 0) else {
            Issue.record("no welcome")
            return
        }
        let welcomeBytes = try server.send(welcome)
        #expect(welcomeBytes.getInteger(at: 0, as: UInt8.self) == 0)
        if serverMachine.session?.handshake.compression == .zlib { server.encoder.compressionSwitch.enable() }
        guard case .established(let session) = clientMachine.received(try client.receive(welcomeBytes)) else {
            Issue.record("not established")
            return
        }
        if session.compression == .zlib { client.encoder.compressionSwitch.enable() }

        let changes = Samples.interactions(50, firstSequence: 1)
        let pushBytes = try client.send(try clientMachine.push(changes))
        #expect(pushBytes.getInteger(at: 0, as: UInt8.self) == Frame.compressedFlag)
        guard case .push(let requestID, let received, _, _) = serverMachine.received(try server.receive(pushBytes)) else {
            Issue.record("no push")
            return
        }
        #expect(received == changes)
        let ack = try client.receive(server.send(.pushAck(requestID: requestID, PushAcknowledgement(ackedSequence: 50, applied: 50, sequenceHead: 59))))
        guard case .pushAcked(_, let body) = clientMachine.received(ack) else { Issue.record("no ack"); return }
        #expect(body.ackedSequence == 50)
    }

    @Test func badBytesEndInAFatalErrorFrame() throws {
        let server = try Peer()
        var machine = ServerSessionStateMachine(configuration: ServerSessionConfiguration(serverID: Samples.serverSite))
        let error = try #require(throws: ProtocolError.self) {
            try server.channel.writeInbound(ByteBuffer(bytes: [0x80, 0, 0, 0, 1, 0]))
        }
        guard case .sendAndClose(let reply) = machine.failed(error) else { Issue.record("no reply"); return }
        var bytes = try server.send(reply)
        var decoder = FrameDecoder()
        let decoded = try #require(try decoder.decode(buffer: &bytes))
        #expect(decoded.error.fatal && decoded.error.code == .invalidArgument)
        #expect(machine.state == .closed)
    }
}
