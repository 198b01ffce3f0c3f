import Foundation
import Testing
import TouchpointClient
import TouchpointClusterTesting
import TouchpointModel
import TouchpointProtocol
import TouchpointServer
import TouchpointStore

@Suite struct AuthAndScopeTests {
    @Test func wrongAndRevokedTokensAreUnauthenticated() async throws {
        let cluster = try await Cluster(agents: [["north"]])
        let a = cluster.agents[0]
        let wrong = await #expect(throws: ProtocolError.self) {
            try await cluster.service.authenticate(token: "tp_nope", site: .random(), protocolVersion: 1)
        }
        #expect(wrong?.code == .unauthenticated)
        try await cluster.server.revokeAgent(a.principal.agentID, now: Cluster.epoch)
        let revoked = await #expect(throws: ProtocolError.self) {
            try await cluster.service.authenticate(token: a.token, site: a.principal.site, protocolVersion: 1)
        }
        #expect(revoked?.code == .unauthenticated)
        #expect(try await cluster.server.agents().first?.revoked == true)
    }

    @Test func tokensAreStoredOnlyAsHashes() async throws {
        let cluster = try await Cluster(agents: [["north"]])
        let token = cluster.agents[0].token
        #expect(token.hasPrefix("tp_") && token.count == 51)
        let dump = try await cluster.server.agents().description
        #expect(!dump.contains(token))
    }

    @Test func agentCannotPushAsAnotherAgent() async throws {
        let cluster = try await Cluster(agents: [["north"], ["north"]])
        let (a, b) = (cluster.agents[0], cluster.agents[1])
        let customer = try Customer(name: "Anika", territory: "north")
        try a.store.create(customer)
        _ = try await a.sync()
        _ = try await b.sync()
        // A writes an interaction claiming to be B.
        try a.store.create(try Interaction(
            customerID: customer.id, agentID: b.principal.agentID, occurredAt: Cluster.epoch, channel: .chat,
            touchpoint: "support", stage: .support, outcome: .resolved))
        let summary = try await a.sync()
        #expect(summary.rejected == 1)
        let letter = try #require(try a.store.deadLetters().first)
        #expect(letter.code == "PERMISSION_DENIED")
        #expect(letter.message.contains("interaction \(letter.entry.change.id.uuidString.lowercased())"))
        #expect(try a.store.status().outboxDepth == 0, "the rejected change does not wedge the outbox")
    }

    @Test func agentCannotPushOutOfTerritory() async throws {
        let cluster = try await Cluster(agents: [["north"]])
        let a = cluster.agents[0]
        // A laptop that does not know its territories (it never synced them) cannot refuse it at write time.
        try a.store.setMeta(.territories, nil)
        try a.store.create(try Customer(name: "Elsewhere", territory: "south"))
        try a.store.create(try Customer(name: "Home", territory: "north"))
        let summary = try await a.sync()
        #expect(summary.pushed == 1 && summary.rejected == 1)
        #expect(try a.store.deadLetters().first?.message.contains("territory 'south' is outside your territories") == true)
    }

    @Test func agentsPullOnlyTheirTerritories() async throws {
        let cluster = try await Cluster(agents: [["north", "south"], ["north"], ["south"]])
        let hub = cluster.agents[0]
        try hub.store.create(try Customer(name: "N", territory: "north"))
        try hub.store.create(try Customer(name: "S", territory: "south"))
        _ = try await hub.sync()
        _ = try await cluster.agents[1].sync()
        _ = try await cluster.agents[2].sync()
        #expect(try cluster.agents[1].store.list(Customer.self).map(\.name) == ["N"])
        #expect(try cluster.agents[2].store.list(Customer.self).map(\.name) == ["S"])
        #expect(try await cluster.server.digest(territories: ["south"]) == (try cluster.agents[2].store.digest()))
    }

    @Test func adminRequestsNeedTheAdminRole() async throws {
        let cluster = try await Cluster(agents: [["north"]])
        let error = #expect(throws: ProtocolError.self) { try cluster.service.requireAdmin(cluster.agents[0].principal) }
        #expect(error?.code == .permissionDenied)
        let admin = try await cluster.addAgent(name: "root", territories: [], role: .admin)
        try cluster.service.requireAdmin(admin.principal)
    }

    @Test func clockSkewIsRefusedNamingTheSkew() async throws {
        let cluster = try await Cluster(agents: [["north"]])
        let a = cluster.agents[0]
        // The laptop's clock is an hour ahead.
        try a.store.create(try Customer(name: "Future", territory: "north"), now: Date().addingTimeInterval(3600))
        let error = await #expect(throws: ProtocolError.self) {
            try await a.engine.sync(over: a.transport, now: { Date().addingTimeInterval(3600) })  // still ahead
        }
        #expect(error?.code == .failedPrecondition)
        #expect(error?.message.contains("ahead") == true)
        #expect(try a.store.status().outboxDepth == 1, "nothing is lost: the change stays queued")
        #expect(try a.store.status().lastError?.contains("clock skew") == true)
        #expect(try await cluster.server.agents().first?.lastError?.contains("clock skew") == true)
    }
}
