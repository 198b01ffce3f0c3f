import Foundation
import GRDB
import TouchpointClient
import TouchpointModel
import TouchpointProtocol
import TouchpointServer
import TouchpointStore

/// A server store — any kind — plus agent databases that sync with it through
/// ``SyncService``, as the server's sessions do.
package struct Cluster {
    package let server: any ServerStore
    package let service: SyncService
    package var agents: [FieldAgent] = []
    package static let epoch = Date(timeIntervalSince1970: 1_750_000_000)

    /// One laptop: its database and its session with the server.
    package struct FieldAgent {
        package let store: AgentStore
        /// The database behind `store`, for tests that copy a laptop.
        package var queue: DatabaseQueue?
        package let principal: Principal
        package let token: String
        package var transport: InProcessTransport
        package var engine: SyncEngine { SyncEngine(store: store) }

        package func sync() async throws -> SyncSummary { try await engine.sync(over: transport) }
    }

    /// A cluster over `store` (default: a new in-memory SQLite store) with one agent per
    /// entry of `territories`, named `agent-0`, `agent-1`, …; `clock` is the server's
    /// (when sessions and pulls are seen: tests of stale agents move it on).
    package init(
        store: (any ServerStore)? = nil, agents territories: [[String]], maxSkew: TimeInterval = 300,
        limits: ProtocolLimits = .defaults, clock: @escaping @Sendable () -> Date = Date.init
    ) async throws {
        server = try store ?? SQLiteServerStore(writer: try DatabaseQueue())
        var configuration = SyncService.Configuration.defaults
        configuration.maxClockSkew = maxSkew
        configuration.limits = limits
        service = SyncService(store: server, configuration: configuration, clock: clock)
        for (index, scope) in territories.enumerated() {
            agents.append(try await addAgent(name: "agent-\(index)", territories: scope))
        }
    }

    /// The agent in a new session (it sees territory changes made since its last one).
    package func reconnect(_ agent: FieldAgent) async throws -> FieldAgent {
        try await session(agent.store, queue: agent.queue, token: agent.token)
    }

    /// A laptop in a new session of `token`.
    private func session(_ store: AgentStore, queue: DatabaseQueue?, token: String) async throws -> FieldAgent {
        let principal = try await service.authenticate(token: token, site: try store.identity().site, protocolVersion: 1)
        return FieldAgent(
            store: store, queue: queue, principal: principal, token: token,
            transport: InProcessTransport(service: service, principal: principal))
    }

    /// A customer created by the first agent and synced to every agent.
    package func sharedCustomer(_ name: String, territory: String = "north") async throws -> Customer {
        let customer = try Customer(name: name, territory: territory)
        try agents[0].store.create(customer)
        for agent in agents { _ = try await agent.sync() }
        return customer
    }

    /// Registers an agent with the server and gives it a new laptop database, in session.
    package func addAgent(name: String, territories: [String], role: AgentRole = .agent) async throws -> FieldAgent {
        let agent = try Agent(name: name, territories: territories, role: role)
        let token = try await server.addAgent(agent, now: Self.epoch)
        let queue = try DatabaseQueue()
        let store = try AgentStore(writer: queue)
        _ = try store.initialize(agentID: agent.id, territories: territories)
        return try await session(store, queue: queue, token: token)
    }

    /// `agent`'s laptop registered again, under the same id, with this cluster's server:
    /// what admins do when a server's store is re-created.
    package func enrol(_ agent: FieldAgent) async throws -> FieldAgent {
        let known = agent.principal
        let token = try await server.addAgent(
            try Agent(id: known.agentID, name: known.name, team: known.team, territories: known.territories, role: known.role),
            now: Self.epoch)
        return try await session(agent.store, queue: agent.queue, token: token)
    }

    /// A second laptop made by copying an agent's database file (same site, same sequences).
    package func copy(_ agent: FieldAgent) async throws -> FieldAgent {
        let copy = try DatabaseQueue()
        try agent.queue!.backup(to: copy)
        let store = try AgentStore(writer: copy)
        return FieldAgent(store: store, queue: copy, principal: agent.principal, token: agent.token, transport: agent.transport)
    }
}
