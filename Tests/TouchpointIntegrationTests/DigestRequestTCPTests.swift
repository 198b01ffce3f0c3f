import Foundation
import Testing
import TouchpointClient
import TouchpointModel
import TouchpointProtocol
import TouchpointStore

/// The `digest` admin request honours its `agent_id` and `entities` (PROTOCOL.md section 5).
@Suite struct DigestRequestTCPTests {
    static func digest(
        over connection: SyncConnection, agent: UUID? = nil, entities: [Touchpoint_V1_EntityType] = []
    ) async throws -> Touchpoint_V1_DigestResponse {
        var request = Touchpoint_V1_DigestRequest()
        request.agentID = agent?.wireBytes ?? Data()
        request.entities = entities
        guard case .digest(let response) = try await connection.admin(.digest(request)) else {
            throw ProtocolError(.internal, "not a digest response")
        }
        return response
    }

    @Test func anAdminGetsTheDigestOfOneAgentsScopeAndOnlyTheEntitiesAsked() async throws {
        let server = try await LiveServer.start()
        defer { Task { await server.stop() } }
        let ada = try await server.laptop("Ada", territories: ["north"])
        let bo = try await server.laptop("Bo", territories: ["south"])
        let admin = try await server.laptop("root", territories: [], role: .admin)
        try ada.store.create(try Customer(name: "Anika", territory: "north"))
        try bo.store.create(try Customer(name: "Musahib", territory: "south"))
        try await ada.sync()
        try await bo.sync()

        try await SyncConnection.withConnection(to: server.endpoint, configuration: try admin.configuration) { connection in
            let everything = try await Self.digest(over: connection)
            #expect(everything.digests.first { $0.entity == .customer }?.records == 2)

            let scoped = try await Self.digest(over: connection, agent: ada.agentID)
            #expect(try scoped.recordDigest() == (try ada.store.digest()), "Ada's scope, as her laptop holds it")

            let customers = try await Self.digest(over: connection, entities: [.customer, .note])
            #expect(customers.digests.map(\.entity) == [.customer, .note])

            let unknown = await #expect(throws: ProtocolError.self) { try await Self.digest(over: connection, agent: UUID()) }
            #expect(unknown?.code == .notFound)
        }
        try await SyncConnection.withConnection(to: server.endpoint, configuration: try ada.configuration) { connection in
            let own = try await Self.digest(over: connection, agent: ada.agentID)
            #expect(own.digests.first { $0.entity == .customer }?.records == 1)
            let other = await #expect(throws: ProtocolError.self) { try await Self.digest(over: connection, agent: bo.agentID) }
            #expect(other?.code == .permissionDenied)
        }
    }
}
