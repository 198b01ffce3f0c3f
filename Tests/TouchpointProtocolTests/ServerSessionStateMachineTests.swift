import Foundation
import Testing
import TouchpointModel
import TouchpointProtocol

@Suite struct ServerSessionStateMachineTests {
    typealias Machine = ServerSessionStateMachine

    static let configuration = ServerSessionConfiguration(serverID: Samples.serverSite)

    static func hello(min: UInt32 = 1, max: UInt32 = 1, token: String = "secret", zlib: Bool = true) -> Envelope {
        var hello = Touchpoint_V1_Hello()
        hello.minVersion = min
        hello.maxVersion = max
        hello.siteID = Data(withUnsafeBytes(of: Samples.agentSite.uuid.uuid) { Array($0) })
        hello.agentID = Data(withUnsafeBytes(of: Samples.agentID.uuid) { Array($0) })
        hello.token = token
        hello.compression = zlib ? [.zlib] : []
        return Envelope(requestID: 1, body: .hello(hello))
    }

    static func ready(role: AgentRole = .agent) -> Machine {
        var machine = Machine(configuration: configuration)
        _ = machine.received(hello())
        _ = machine.authenticated(role: role, sequenceHead: 42, serverTimeMs: 1_715_679_000_000)
        return machine
    }

    static func fatalCode(_ action: Machine.Action) -> ProtocolError.Code? {
        guard case .sendAndClose(let envelope) = action, case .error(let error) = envelope.body, error.fatal else { return nil }
        return ProtocolError(wire: error).code
    }

    static func requestErrorCode(_ action: Machine.Action, requestID: UInt64) -> ProtocolError.Code? {
        guard case .send(let envelope) = action, envelope.requestID == requestID,
            case .error(let error) = envelope.body, !error.fatal
        else { return nil }
        return ProtocolError(wire: error).code
    }

    // MARK: awaitingHello

    @Test func helloLeadsToAuthentication() throws {
        var machine = Machine(configuration: Self.configuration)
        guard case .authenticate(let handshake) = machine.received(Self.hello()) else {
            Issue.record("expected authenticate")
            return
        }
        #expect(handshake.version == 1)
        #expect(handshake.siteID == Samples.agentSite)
        #expect(handshake.agentID == Samples.agentID)
        #expect(handshake.token == "secret")
        #expect(handshake.compression == .zlib)
        #expect(machine.state == .authenticating(handshake))
    }

    @Test func versionIsTheHighestCommonOne() throws {
        var config = Self.configuration
        config.supportedVersions = 1...3
        var machine = Machine(configuration: config)
        guard case .authenticate(let handshake) = machine.received(Self.hello(min: 2, max: 5)) else {
            Issue.record("expected authenticate")
            return
        }
        #expect(handshake.version == 3)
    }

    @Test(arguments: [(UInt32(2), UInt32(4)), (0, 0), (3, 2)])
    func noCommonVersionIsFatal(min: UInt32, max: UInt32) throws {
        var machine = Machine(configuration: Self.configuration)
        let code = Self.fatalCode(machine.received(Self.hello(min: min, max: max)))
        #expect(code == (min == 2 ? .failedPrecondition : .invalidArgument))
        #expect(machine.state == .closed)
    }

    @Test func noCommonVersionErrorNamesTheServerRange() throws {
        var machine = Machine(configuration: Self.configuration)
        guard case .sendAndClose(let envelope) = machine.received(Self.hello(min: 2, max: 2)),
            case .error(let error) = envelope.body
        else { Issue.record("expected error"); return }
        #expect(envelope.requestID == 1)
        #expect(ProtocolError(wire: error).details == ["server_min_version": "1", "server_max_version": "1"])
    }

    @Test func compressionIsNoneWhenTheClientDoesNotOfferZlib() throws {
        var machine = Machine(configuration: Self.configuration)
        guard case .authenticate(let handshake) = machine.received(Self.hello(zlib: false)) else {
            Issue.record("expected authenticate")
            return
        }
        #expect(handshake.compression == .none)
    }

    @Test func badIdsInHelloAreFatal() throws {
        var machine = Machine(configuration: Self.configuration)
        var envelope = Self.hello()
        if case .hello(var hello) = envelope.body {
            hello.siteID = Data([1, 2, 3])
            envelope.body = .hello(hello)
        }
        #expect(Self.fatalCode(machine.received(envelope)) == .invalidArgument)
    }

    @Test func helloWithoutTokenIsUnauthenticated() throws {
        var machine = Machine(configuration: Self.configuration)
        #expect(Self.fatalCode(machine.received(Self.hello(token: ""))) == .unauthenticated)
    }

    @Test(arguments: [
        Envelope.pullRequest(requestID: 1, afterSequence: 0), .ping(requestID: 1, nonce: 1),
        try! .pushRequest(requestID: 1, changes: []), .adminRequest(requestID: 1, .status(.init())),
        .pong(requestID: 1, nonce: 1),
    ])
    func anythingBeforeHelloIsFatal(envelope: Envelope) throws {
        var machine = Machine(configuration: Self.configuration)
        #expect(Self.fatalCode(machine.received(envelope)) == .failedPrecondition)
        #expect(machine.state == .closed)
    }

    @Test func goodbyeOrErrorBeforeHelloCloses() throws {
        var machine = Machine(configuration: Self.configuration)
        #expect(machine.received(.goodbye("bye")) == .close)
        var other = Machine(configuration: Self.configuration)
        #expect(other.received(.error(ProtocolError(.cancelled, "x"), fatal: true)) == .close)
    }

    @Test func handshakeTimeoutIsDeadlineExceeded() throws {
        var machine = Machine(configuration: Self.configuration)
        #expect(Self.fatalCode(machine.handshakeTimedOut()) == .deadlineExceeded)
        var ready = Self.ready()
        #expect(ready.handshakeTimedOut() == .none)
    }

    // MARK: authenticating

    @Test func authenticatedSendsWelcome() throws {
        var machine = Machine(configuration: Self.configuration)
        _ = machine.received(Self.hello())
        guard case .send(let envelope) = machine.authenticated(role: .admin, sequenceHead: 42, serverTimeMs: 7),
            case .welcome(let welcome) = envelope.body
        else { Issue.record("expected welcome"); return }
        #expect(envelope.requestID == 1)
        #expect(welcome.version == 1)
        #expect(welcome.role == .admin)
        #expect(welcome.sequenceHead == 42)
        #expect(welcome.compression == .zlib)
        #expect(welcome.limits.maxFrameBytes == 4 * 1024 * 1024)
        #expect(welcome.keepaliveIntervalMs == 30_000)
        #expect(welcome.idleTimeoutMs == 90_000)
        #expect(machine.session?.role == .admin)
    }

    @Test func rejectedTokenIsFatalUnauthenticated() throws {
        var machine = Machine(configuration: Self.configuration)
        _ = machine.received(Self.hello())
        let action = machine.authenticationFailed(ProtocolError(.unauthenticated, "unknown token"))
        #expect(Self.fatalCode(action) == .unauthenticated)
        #expect(machine.state == .closed)
    }

    @Test func requestsWhileAuthenticatingAreFatal() throws {
        var machine = Machine(configuration: Self.configuration)
        _ = machine.received(Self.hello())
        #expect(Self.fatalCode(machine.received(.ping(requestID: 2, nonce: 1))) == .failedPrecondition)
    }

    @Test func authenticatedOutsideAuthenticatingIsInternal() throws {
        var machine = Machine(configuration: Self.configuration)
        #expect(Self.fatalCode(machine.authenticated(role: .agent, sequenceHead: 0, serverTimeMs: 0)) == .internal)
    }

    // MARK: ready

    @Test func pushIsDecodedAndHandedOver() throws {
        var machine = Self.ready()
        let changes = Samples.interactions(3)
        #expect(machine.received(try .pushRequest(requestID: 5, changes: changes)) == .push(requestID: 5, changes: changes))
    }

    @Test func invalidPushFailsOnlyThatRequest() throws {
        var machine = Self.ready()
        var envelope = try Envelope.pushRequest(requestID: 5, changes: Samples.interactions(2))
        if case .pushRequest(var push) = envelope.body {
            push.batch.changes[0].entity = .unspecified
            envelope.body = .pushRequest(push)
        }
        #expect(Self.requestErrorCode(machine.received(envelope), requestID: 5) == .invalidArgument)
        #expect(machine.session != nil)
    }

    @Test func pushOverTheBatchLimitIsResourceExhausted() throws {
        var config = Self.configuration
        config.limits.maxBatchChanges = 2
        var machine = Machine(configuration: config)
        _ = machine.received(Self.hello())
        _ = machine.authenticated(role: .agent, sequenceHead: 0, serverTimeMs: 0)
        let action = machine.received(try .pushRequest(requestID: 3, changes: Samples.interactions(3)))
        #expect(Self.requestErrorCode(action, requestID: 3) == .resourceExhausted)
    }

    /// Issue 9: sequences live in signed 64-bit store columns; a larger one is refused, not handed over.
    @Test(arguments: [UInt64(1) << 63, .max])
    func outOfRangeSequencesFailOnlyThatRequest(sequence: UInt64) throws {
        var machine = Self.ready()
        let pull = machine.received(.pullRequest(requestID: 4, afterSequence: sequence))
        #expect(Self.requestErrorCode(pull, requestID: 4) == .invalidArgument)
        let push = machine.received(try .pushRequest(requestID: 5, changes: [SequencedChange(sequence: sequence, change: Samples.customerEdit(0))]))
        #expect(Self.requestErrorCode(push, requestID: 5) == .invalidArgument)
        #expect(machine.session != nil)
        #expect(machine.received(.pullRequest(requestID: 6, afterSequence: UInt64(Int64.max))) == .pull(requestID: 6, afterSequence: UInt64(Int64.max), limit: 1000))
    }

    @Test(arguments: [(0, 1000), (10, 10), (5000, 1000)])
    func pullPageSizeIsClamped(asked: Int, expected: Int) throws {
        var machine = Self.ready()
        let action = machine.received(.pullRequest(requestID: 4, afterSequence: 17, maxChanges: asked))
        #expect(action == .pull(requestID: 4, afterSequence: 17, limit: expected))
    }

    @Test func adminNeedsTheAdminRole() throws {
        var agent = Self.ready(role: .agent)
        let request = Envelope.adminRequest(requestID: 8, .status(.init()))
        #expect(Self.requestErrorCode(agent.received(request), requestID: 8) == .permissionDenied)
        #expect(agent.session != nil)
        var admin = Self.ready(role: .admin)
        #expect(admin.received(request) == .admin(requestID: 8, command: .status(.init())))
    }

    @Test func agentsMayAskForTheirDigestOnly() throws {
        var agent = Self.ready(role: .agent)
        let digest = Envelope.adminRequest(requestID: 9, .digest(.init()))
        #expect(agent.received(digest) == .admin(requestID: 9, command: .digest(.init())))
        let add = Envelope.adminRequest(requestID: 10, .agentAdd(.init()))
        #expect(Self.requestErrorCode(agent.received(add), requestID: 10) == .permissionDenied)
    }

    @Test func unknownAdminCommandIsUnimplemented() throws {
        var admin = Self.ready(role: .admin)
        let request = Envelope(requestID: 8, body: .adminRequest(.init()))
        #expect(Self.requestErrorCode(admin.received(request), requestID: 8) == .unimplemented)
    }

    @Test func pingIsAnsweredWithPong() throws {
        var machine = Self.ready()
        #expect(machine.received(.ping(requestID: 6, nonce: 99)) == .send(.pong(requestID: 6, nonce: 99)))
        #expect(machine.received(.pong(requestID: 0, nonce: 1)) == .none)
    }

    @Test func serverPingsOnlyWhenReady() throws {
        #expect(Machine(configuration: Self.configuration).keepalivePing(nonce: 1) == .none)
        #expect(Self.ready().keepalivePing(nonce: 3) == .send(.ping(requestID: 0, nonce: 3)))
    }

    @Test func helloTwiceIsFatal() throws {
        var machine = Self.ready()
        #expect(Self.fatalCode(machine.received(Self.hello())) == .failedPrecondition)
    }

    @Test(arguments: [
        Envelope.pushAck(requestID: 1, PushAcknowledgement(ackedSequence: 1, sequenceHead: 1)),
        Envelope(requestID: 1, body: .welcome(.init())), .adminResponse(requestID: 1, .status(.init())),
        try! .pullPage(requestID: 1, changes: [], nextCursor: 0, hasMore: false, sequenceHead: 0),
    ])
    func serverMessagesFromTheClientAreFatal(envelope: Envelope) throws {
        var machine = Self.ready()
        #expect(Self.fatalCode(machine.received(envelope)) == .failedPrecondition)
    }

    @Test(arguments: [
        Envelope.pullRequest(requestID: 0, afterSequence: 0), .adminRequest(requestID: 0, .status(.init())),
        try! .pushRequest(requestID: 0, changes: Samples.interactions(1)),
    ])
    func requestsWithoutRequestIDAreFatal(envelope: Envelope) throws {
        var machine = Self.ready(role: .admin)
        #expect(Self.fatalCode(machine.received(envelope)) == .invalidArgument)
    }

    @Test func goodbyeClosesWithoutReply() throws {
        var machine = Self.ready()
        #expect(machine.received(.goodbye("done")) == .close)
        #expect(machine.state == .closed)
    }

    @Test func decoderFailureIsFatalWithItsCode() throws {
        var machine = Self.ready()
        #expect(Self.fatalCode(machine.failed(ProtocolError(.resourceExhausted, "too big"))) == .resourceExhausted)
    }

    @Test func idleTimeoutAndShutdownSayGoodbye() throws {
        var idle = Self.ready()
        guard case .sendAndClose(let envelope) = idle.idleTimedOut(), case .goodbye = envelope.body else {
            Issue.record("expected goodbye")
            return
        }
        var shutting = Self.ready()
        #expect(shutting.shutDown(reason: "deploy") == .sendAndClose(.goodbye("deploy")))
        var early = Machine(configuration: Self.configuration)
        #expect(Self.fatalCode(early.shutDown(reason: "deploy")) == .unavailable)
    }

    // MARK: closed

    @Test func closedIgnoresEverything() throws {
        var machine = Self.ready()
        _ = machine.received(.goodbye("bye"))
        #expect(machine.received(.ping(requestID: 1, nonce: 1)) == .none)
        #expect(machine.failed(ProtocolError(.internal, "late")) == .none)
        #expect(machine.idleTimedOut() == .none)
        #expect(machine.shutDown(reason: "x") == .none)
    }
}
