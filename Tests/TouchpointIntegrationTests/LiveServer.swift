import Foundation
import GRDB
import Logging
import NIOCore
import TouchpointClient
import TouchpointModel
import TouchpointProtocol
import TouchpointServer
import TouchpointStore

/// A real sync server on 127.0.0.1:0, with agents registered through its store.
struct LiveServer {
    let store: SQLiteServerStore
    let service: SyncService
    let server: SyncServer
    let task: Task<Void, any Error>
    var endpoint: Endpoint { Endpoint(host: "127.0.0.1", port: server.localAddress.port!) }

    static func start(
        directory: String? = nil, maxSkew: TimeInterval = 300, limits: ProtocolLimits = .defaults,
        network: SyncServer.Configuration = .defaults, logger: Logger? = nil
    ) async throws -> LiveServer {
        let store = try directory.map { try SQLiteServerStore(directory: $0) } ?? SQLiteServerStore(writer: try DatabaseQueue())
        var configuration = SyncService.Configuration.defaults
        configuration.maxClockSkew = maxSkew
        configuration.limits = limits
        let logger = logger ?? {
            var logger = Logger(label: "test.server")
            logger.logLevel = .warning
            return logger
        }()
        let service = SyncService(store: store, configuration: configuration, logger: logger)
        let server = try await SyncServer.bind(
            host: "127.0.0.1", port: 0, service: service, configuration: network, logger: logger)
        let task = Task { try await server.run() }
        return LiveServer(store: store, service: service, server: server, task: task)
    }

    func stop() async {
        task.cancel()
        _ = try? await task.value
    }

    /// Registers an agent and returns a laptop database initialized for it, with its token.
    func laptop(_ name: String, territories: [String], role: AgentRole = .agent) async throws -> Laptop {
        let agent = try Agent(name: name, territories: territories, role: role)
        let token = try await store.addAgent(agent, now: Date())
        let db = try AgentStore.inMemory()
        try db.initialize(agentID: agent.id, territories: territories)
        return Laptop(store: db, agentID: agent.id, token: token, endpoint: endpoint)
    }
}

/// One agent's database plus what it needs to reach the server.
struct Laptop {
    let store: AgentStore
    let agentID: UUID
    let token: String
    let endpoint: Endpoint

    var configuration: ClientSessionConfiguration {
        get throws {
            ClientSessionConfiguration(siteID: try store.identity().site, agentID: agentID, token: token)
        }
    }

    @discardableResult
    func sync() async throws -> SyncSummary {
        try await SyncConnection.withConnection(to: endpoint, configuration: try configuration) { connection in
            try await SyncEngine(store: store).sync(over: connection)
        }
    }

    func serverDigest() async throws -> RecordDigest {
        try await SyncConnection.withConnection(to: endpoint, configuration: try configuration) { try await $0.digest() }
    }
}
