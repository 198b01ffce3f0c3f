import Foundation
import Testing
import TouchpointClient
import TouchpointModel
import TouchpointProtocol
import TouchpointServer
import TouchpointStore

/// Over real TCP: Welcome names the token's agent and the store's epoch; Hello's
/// agent id is optional, but a wrong one is still refused.
@Suite struct HandshakeIdentityTests {
    static func session(_ laptop: Laptop, agentID: UUID?) async throws -> ClientSession? {
        let configuration = ClientSessionConfiguration(siteID: try laptop.store.identity().site, agentID: agentID, token: laptop.token)
        return try await SyncConnection.withConnection(to: laptop.endpoint, configuration: configuration) { $0.session }
    }

    @Test func welcomeNamesTheTokensAgentAndTheStoreEpoch() async throws {
        let live = try await LiveServer.start()
        defer { Task { await live.stop() } }
        let dana = try await live.laptop("Dana Field", territories: ["north", "south"])
        let session = try #require(try await Self.session(dana, agentID: nil))
        #expect(session.agent == SessionAgent(id: dana.agentID, name: "Dana Field", territories: ["north", "south"]))
        let epoch = try await live.store.info().epoch
        #expect(session.serverEpoch == epoch)

        let renewed = try await live.store.renewEpoch()
        #expect(renewed != epoch)
        #expect(try await Self.session(dana, agentID: dana.agentID)?.serverEpoch == renewed)
    }

    @Test func helloNamingAnotherAgentThanTheTokensIsUnauthenticated() async throws {
        let live = try await LiveServer.start()
        defer { Task { await live.stop() } }
        let dana = try await live.laptop("Dana Field", territories: ["north"])
        let other = try await live.laptop("Other", territories: ["north"])
        let error = await #expect(throws: ProtocolError.self) { try await Self.session(dana, agentID: other.agentID) }
        #expect(error?.code == .unauthenticated)
    }
}
