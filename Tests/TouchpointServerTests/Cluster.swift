import Foundation
import GRDB
import TouchpointClient
import TouchpointModel
import TouchpointProtocol
import TouchpointServer
import TouchpointStore

/// Drives the real server service in-process, through the same calls the TCP
/// transport makes, for tests that need many sync schedules quickly.
struct InProcessTransport: SyncTransport {
    let service: SyncService
    let principal: Principal
    var limits = ProtocolLimits(maxBatchChanges: 7, maxPageChanges: 5)

    func push(_ entries: [SequencedChange]) async throws -> PushAcknowledgement {
        try await service.push(entries, from: principal)
    }

    func pull(after cursor: UInt64, limit: Int) async throws -> PulledPage {
        try await service.pull(after: cursor, limit: limit, for: principal)
    }

    func digest() async throws -> RecordDigest { try await service.digest(for: principal) }

    /// What the Welcome of this session says: the agent's territories when it authenticated.
    var territories: [String]? { principal.role == .admin ? nil : principal.territories }
}

/// A server store plus agent databases that sync with it.
struct Cluster {
    let server: SQLiteServerStore
    let service: SyncService
    var agents: [FieldAgent] = []
    static let epoch = Date(timeIntervalSince1970: 1_750_000_000)

    struct FieldAgent {
        let store: AgentStore
        /// The database behind `store`, for tests that copy a laptop.
        var queue: DatabaseQueue?
        let principal: Principal
        let token: String
        var transport: InProcessTransport
        var engine: SyncEngine { SyncEngine(store: store) }

        func sync() async throws -> SyncSummary { try await engine.sync(over: transport) }
    }

    init(agents territories: [[String]], maxSkew: TimeInterval = 300, limits: ProtocolLimits = .defaults) async throws {
        server = try SQLiteServerStore(writer: try DatabaseQueue())
        var configuration = SyncService.Configuration.defaults
        configuration.maxClockSkew = maxSkew
        configuration.limits = limits
        service = SyncService(store: server, configuration: configuration)
        for (index, scope) in territories.enumerated() {
            agents.append(try await addAgent(name: "agent-\(index)", territories: scope))
        }
    }

    /// The agent in a new session (it sees territory changes made since its last one).
    func reconnect(_ agent: FieldAgent) async throws -> FieldAgent {
        let principal = try await service.authenticate(token: agent.token, site: try agent.store.identity().site, protocolVersion: 1)
        return FieldAgent(store: agent.store, queue: agent.queue, principal: principal, token: agent.token, transport: InProcessTransport(service: service, principal: principal))
    }

    /// A customer created by the first agent and synced to every agent.
    func sharedCustomer(_ name: String, territory: String = "north") async throws -> Customer {
        let customer = try Customer(name: name, territory: territory)
        try agents[0].store.create(customer)
        for agent in agents { _ = try await agent.sync() }
        return customer
    }

    func addAgent(name: String, territories: [String], role: AgentRole = .agent) async throws -> FieldAgent {
        let agent = try Agent(name: name, territories: territories, role: role)
        let token = try await server.addAgent(agent, now: Self.epoch)
        let queue = try DatabaseQueue()
        let store = try AgentStore(writer: queue)
        let identity = try store.initialize(agentID: agent.id, territories: territories)
        let principal = try await service.authenticate(token: token, site: identity.site, protocolVersion: 1)
        return FieldAgent(store: store, queue: queue, principal: principal, token: token, transport: InProcessTransport(service: service, principal: principal))
    }

    /// A second laptop made by copying an agent's database file (same site, same sequences).
    func copy(_ agent: FieldAgent) async throws -> FieldAgent {
        let copy = try DatabaseQueue()
        try agent.queue!.backup(to: copy)
        let store = try AgentStore(writer: copy)
        return FieldAgent(store: store, queue: copy, principal: agent.principal, token: agent.token, transport: agent.transport)
    }
}
