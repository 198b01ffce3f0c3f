import Foundation
import Testing
import TouchpointModel
import TouchpointProtocol

@Suite struct ClientSessionStateMachineTests {
    typealias Machine = ClientSessionStateMachine

    static let configuration = ClientSessionConfiguration(siteID: Samples.agentSite, agentID: Samples.agentID, token: "secret")

    static func welcome(requestID: UInt64 = 1, version: UInt32 = 1, role: Touchpoint_V1_Role = .agent,
                        compression: Touchpoint_V1_Compression = .zlib) -> Envelope {
        var server = ServerSessionStateMachine(configuration: ServerSessionConfiguration(serverID: Samples.serverSite))
        _ = server.received(ServerSessionStateMachineTests.hello())
        guard case .send(var envelope) = server.authenticated(role: .agent, sequenceHead: 42, serverTimeMs: 7),
            case .welcome(var welcome) = envelope.body
        else { fatalError("server did not welcome") }
        welcome.version = version
        welcome.role = role
        welcome.compression = compression
        envelope.requestID = requestID
        envelope.body = .welcome(welcome)
        return envelope
    }

    static func ready(role: Touchpoint_V1_Role = .agent) throws -> Machine {
        var machine = Machine(configuration: configuration)
        _ = try machine.start()
        _ = machine.received(welcome(role: role))
        return machine
    }

    static func closingCode(_ action: Machine.Action) -> ProtocolError.Code? {
        guard case .sendAndClose(let envelope, let error) = action, case .error(let wire) = envelope.body, wire.fatal else {
            return nil
        }
        return error.code
    }

    // MARK: idle

    @Test func startSendsHello() throws {
        var machine = Machine(configuration: Self.configuration)
        let envelope = try machine.start()
        guard case .hello(let hello) = envelope.body else { Issue.record("expected hello"); return }
        #expect(envelope.requestID == 1)
        #expect(hello.minVersion == 1 && hello.maxVersion == 1)
        #expect(hello.token == "secret")
        #expect(hello.compression == [.zlib])
        #expect(hello.siteID.count == 16 && hello.agentID.count == 16)
        #expect(machine.state == .awaitingWelcome(helloRequestID: 1))
    }

    @Test func startTwiceIsRefused() throws {
        var machine = Machine(configuration: Self.configuration)
        _ = try machine.start()
        #expect(throws: ProtocolError.self) { try machine.start() }
    }

    @Test func requestsBeforeWelcomeAreRefused() throws {
        var machine = Machine(configuration: Self.configuration)
        #expect(throws: ProtocolError.self) { try machine.pull(afterSequence: 0) }
        _ = try machine.start()
        let error = try #require(throws: ProtocolError.self) { try machine.push(Samples.interactions(1)) }
        #expect(error.code == .failedPrecondition)
        #expect(throws: ProtocolError.self) { try machine.ping(nonce: 1) }
    }

    @Test func inboundBeforeStartIsIgnored() throws {
        var machine = Machine(configuration: Self.configuration)
        #expect(machine.received(Self.welcome()) == .none)
    }

    // MARK: awaitingWelcome

    @Test func welcomeEstablishesTheSession() throws {
        var machine = Machine(configuration: Self.configuration)
        _ = try machine.start()
        guard case .established(let session) = machine.received(Self.welcome()) else {
            Issue.record("expected established")
            return
        }
        #expect(session.serverID == Samples.serverSite)
        #expect(session.role == .agent)
        #expect(session.sequenceHead == 42)
        #expect(session.compression == .zlib)
        #expect(session.keepaliveInterval == .seconds(30))
        #expect(machine.session == session)
    }

    @Test func errorInsteadOfWelcomeCloses() throws {
        var machine = Machine(configuration: Self.configuration)
        _ = try machine.start()
        let action = machine.received(.error(ProtocolError(.unauthenticated, "bad token"), requestID: 1, fatal: true))
        #expect(action == .closed(ProtocolError(.unauthenticated, "bad token")))
        #expect(machine.state == .closed(ProtocolError(.unauthenticated, "bad token")))
    }

    @Test(arguments: [
        welcome(version: 2), welcome(role: .unspecified), welcome(requestID: 9), Envelope.ping(requestID: 0, nonce: 1),
    ])
    func badWelcomeIsAProtocolViolation(envelope: Envelope) throws {
        var machine = Machine(configuration: Self.configuration)
        _ = try machine.start()
        #expect(Self.closingCode(machine.received(envelope)) == .failedPrecondition)
    }

    @Test func zlibNotOfferedCannotBeChosen() throws {
        var config = Self.configuration
        config.compression = .disabled
        var machine = Machine(configuration: config)
        let hello = try machine.start()
        guard case .hello(let body) = hello.body else { return }
        #expect(body.compression.isEmpty)
        #expect(Self.closingCode(machine.received(Self.welcome(compression: .zlib))) == .failedPrecondition)
    }

    // MARK: ready

    @Test func pushIsAckedByItsRequestID() throws {
        var machine = try Self.ready()
        let envelope = try machine.push(Samples.interactions(3, firstSequence: 10))
        #expect(machine.outstanding[envelope.requestID] == .push(lastSequence: 12))
        let ack = Envelope.pushAck(requestID: envelope.requestID, PushAcknowledgement(ackedSequence: 12, applied: 3, sequenceHead: 50))
        guard case .pushAcked(let id, let body) = machine.received(ack) else { Issue.record("expected ack"); return }
        #expect(id == envelope.requestID && body.ackedSequence == 12)
        #expect(machine.outstanding.isEmpty)
    }

    @Test func ackBeyondTheBatchIsAViolation() throws {
        var machine = try Self.ready()
        let envelope = try machine.push(Samples.interactions(1))
        let ack = Envelope.pushAck(requestID: envelope.requestID, PushAcknowledgement(ackedSequence: 99, sequenceHead: 50))
        #expect(Self.closingCode(machine.received(ack)) == .failedPrecondition)
    }

    @Test func pushLimitsAreCheckedBeforeSending() throws {
        var machine = try Self.ready()
        #expect(throws: ProtocolError.self) { try machine.push([]) }
        let error = try #require(throws: ProtocolError.self) { try machine.push(Samples.interactions(1001)) }
        #expect(error.code == .resourceExhausted)
    }

    @Test func pullPageIsDecodedAndChecked() throws {
        var machine = try Self.ready()
        let request = try machine.pull(afterSequence: 100, maxChanges: 5)
        let changes = Samples.interactions(5, firstSequence: 101)
        let page = try Envelope.pullPage(requestID: request.requestID, changes: changes, nextCursor: 120, hasMore: true, sequenceHead: 300)
        let expected = PulledPage(changes: changes, nextCursor: 120, hasMore: true, sequenceHead: 300)
        #expect(machine.received(page) == .pulled(requestID: request.requestID, expected))
    }

    @Test(arguments: [(UInt64(100), UInt64(120), 5), (101, 99, 5), (101, 120, 6)])
    func badPagesAreViolations(first: UInt64, cursor: UInt64, count: Int) throws {
        var machine = try Self.ready()
        let request = try machine.pull(afterSequence: 100, maxChanges: 5)
        let changes = Samples.interactions(count, firstSequence: first)
        let page = try Envelope.pullPage(requestID: request.requestID, changes: changes, nextCursor: cursor, hasMore: false, sequenceHead: 0)
        #expect(Self.closingCode(machine.received(page)) != nil)
    }

    @Test func adminNeedsTheAdminRole() throws {
        var agent = try Self.ready()
        let error = try #require(throws: ProtocolError.self) { try agent.admin(.status(.init())) }
        #expect(error.code == .permissionDenied)
        var admin = try Self.ready(role: .admin)
        let request = try admin.admin(.status(.init()))
        let response = Envelope.adminResponse(requestID: request.requestID, .status(.init()))
        #expect(admin.received(response) == .adminResponse(requestID: request.requestID, response.adminResponse))
    }

    @Test func pingPong() throws {
        var machine = try Self.ready()
        let ping = try machine.ping(nonce: 77)
        #expect(machine.received(.pong(requestID: ping.requestID, nonce: 77)) == .pong(requestID: ping.requestID, nonce: 77))
        #expect(machine.received(.ping(requestID: 0, nonce: 5)) == .send(.pong(requestID: 0, nonce: 5)))
    }

    @Test func requestErrorFailsOnlyThatRequest() throws {
        var machine = try Self.ready()
        let request = try machine.pull(afterSequence: 0)
        let error = ProtocolError(.unavailable, "store offline", retryAfter: .seconds(2))
        #expect(machine.received(.error(error, requestID: request.requestID, fatal: false)) == .requestFailed(requestID: request.requestID, error))
        #expect(machine.session != nil)
    }

    @Test func fatalErrorCloses() throws {
        var machine = try Self.ready()
        let error = ProtocolError(.resourceExhausted, "frame too big")
        #expect(machine.received(.error(error, fatal: true)) == .closed(error))
        #expect(machine.outstanding.isEmpty)
    }

    @Test(arguments: [
        Envelope.pushAck(requestID: 77, PushAcknowledgement(ackedSequence: 1, sequenceHead: 1)), .pong(requestID: 77, nonce: 1),
        .error(ProtocolError(.notFound, "x"), requestID: 77, fatal: false),
    ])
    func responsesToUnknownRequestsAreViolations(envelope: Envelope) throws {
        var machine = try Self.ready()
        #expect(Self.closingCode(machine.received(envelope)) == .failedPrecondition)
    }

    @Test func mismatchedResponseIsAViolation() throws {
        var machine = try Self.ready()
        let request = try machine.pull(afterSequence: 0)
        let ack = Envelope.pushAck(requestID: request.requestID, PushAcknowledgement(ackedSequence: 1, sequenceHead: 1))
        #expect(Self.closingCode(machine.received(ack)) == .failedPrecondition)
    }

    @Test func serverGoodbyeIsRetryableUnavailable() throws {
        var machine = try Self.ready()
        guard case .closed(let error) = machine.received(.goodbye("deploy")) else { Issue.record("expected closed"); return }
        #expect(error.code == .unavailable && error.isRetryable)
    }

    @Test func closeSaysGoodbyeOnce() throws {
        var machine = try Self.ready()
        #expect(machine.close(reason: "done") == .goodbye("done"))
        #expect(machine.close(reason: "again") == nil)
        #expect(machine.state == .closed(nil))
        #expect(machine.received(.ping(requestID: 0, nonce: 1)) == .none)
    }

    @Test func decodeFailureSendsFatalError() throws {
        var machine = try Self.ready()
        #expect(Self.closingCode(machine.failed(ProtocolError(.invalidArgument, "bad frame"))) == .invalidArgument)
        #expect(machine.failed(ProtocolError(.invalidArgument, "again")) == .none)
    }
}
