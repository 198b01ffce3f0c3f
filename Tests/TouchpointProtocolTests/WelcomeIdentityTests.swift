import Foundation
import Testing
import TouchpointModel
import TouchpointProtocol

/// Welcome names the authenticated agent and the store's epoch; Hello may leave
/// its agent id empty (enrolment by token alone).
@Suite struct WelcomeIdentityTests {
    static let agent = SessionAgent(id: Samples.agentID, name: "Dana Field", territories: ["north", "south"])
    static let epoch = ServerEpoch(UUID(uuidString: "5e1f0c3a-7b2d-4e8f-9a61-0c2b3d4e5f60")!)

    /// A client whose Hello names no agent, and the server's Welcome to it.
    static func handshake(
        agentID: UUID? = nil, tamper: (inout Touchpoint_V1_Welcome) -> Void = { _ in }
    ) throws -> (ClientSessionStateMachine.Action, ServerHandshake) {
        var client = ClientSessionStateMachine(configuration: ClientSessionConfiguration(
            siteID: Samples.agentSite, agentID: agentID, token: "secret"))
        var server = ServerSessionStateMachine(configuration: ServerSessionConfiguration(serverID: Samples.serverSite))
        guard case .authenticate(let handshake) = server.received(try client.start()),
            case .send(var envelope) = server.authenticated(
                role: .agent, sequenceHead: 42, serverTimeMs: 7, agent: agent, serverEpoch: epoch),
            case .welcome(var welcome) = envelope.body
        else { throw ProtocolError(.internal, "no welcome") }
        tamper(&welcome)
        envelope.body = .welcome(welcome)
        return (client.received(envelope), handshake)
    }

    @Test func helloWithoutAgentIDLeavesItToTheToken() throws {
        let (action, handshake) = try Self.handshake()
        #expect(handshake.agentID == nil)
        guard case .established(let session) = action else { Issue.record("expected a session, got \(action)"); return }
        #expect(session.agent == Self.agent)
        #expect(session.serverEpoch == Self.epoch)
        #expect(session.sequenceHead == 42)
    }

    @Test func helloWithAnAgentIDStillNamesIt() throws {
        let (action, handshake) = try Self.handshake(agentID: Samples.agentID)
        #expect(handshake.agentID == Samples.agentID)
        guard case .established(let session) = action else { Issue.record("expected a session"); return }
        #expect(session.agent?.id == Samples.agentID)
    }

    @Test func welcomeFromAnOlderServerNamesNeitherAgentNorEpoch() throws {
        let (action, _) = try Self.handshake { welcome in
            welcome.agentID = Data()
            welcome.serverEpoch = Data()
        }
        guard case .established(let session) = action else { Issue.record("expected a session"); return }
        #expect(session.agent == nil && session.serverEpoch == nil)
    }

    @Test func welcomeWithAMalformedEpochOrAgentIsAViolation() throws {
        let (badEpoch, _) = try Self.handshake { $0.serverEpoch = Data([1, 2, 3]) }
        #expect(ClientSessionStateMachineTests.closingCode(badEpoch) == .failedPrecondition)
        let (badAgent, _) = try Self.handshake { $0.agentID = Data([1]) }
        #expect(ClientSessionStateMachineTests.closingCode(badAgent) == .failedPrecondition)
    }

    @Test func welcomeNamingAnotherAgentThanHelloIsAViolation() throws {
        let (action, _) = try Self.handshake(agentID: UUID())
        #expect(ClientSessionStateMachineTests.closingCode(action) == .failedPrecondition)
    }
}
