import Foundation
import GRDB
import Logging
import TouchpointClient
import TouchpointModel
import TouchpointPostgres
import TouchpointProtocol
import TouchpointServer
import TouchpointStore

/// Real sync servers on 127.0.0.1: one over an SQLite store in a directory, or two
/// instances over one PostgreSQL database; and agent laptops whose databases are
/// files in the directory, spread over the instances.
struct DemoCluster {
    let directory: String
    let store: any ServerStore
    let servers: [SyncServer]
    let tasks: [Task<Void, any Error>]
    let adminToken: String
    /// Closes what the stores hold open (the PostgreSQL pools).
    let close: @Sendable () async -> Void

    var endpoints: [Endpoint] { servers.map { Endpoint(host: "127.0.0.1", port: $0.port) } }
    var endpoint: Endpoint { endpoints[0] }

    /// One server over SQLite in `directory/server`.
    static func start(in directory: String) async throws -> DemoCluster {
        try await start(in: directory, stores: [try SQLiteServerStore(directory: directory + "/server")], close: {})
    }

    /// Two server instances over one PostgreSQL database, each with its own pool.
    static func start(in directory: String, postgres: PostgresConfiguration) async throws -> DemoCluster {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let logger = Self.logger
        let first = try await PostgresServerStore.open(postgres, logger: logger)
        let second = try await PostgresServerStore.open(postgres, logger: logger)
        return try await start(in: directory, stores: [first, second]) {
            await first.shutdown()
            await second.shutdown()
        }
    }

    private static func start(
        in directory: String, stores: [any ServerStore], close: @escaping @Sendable () async -> Void
    ) async throws -> DemoCluster {
        var servers: [SyncServer] = []
        var tasks: [Task<Void, any Error>] = []
        for store in stores {
            let server = try await SyncServer.bind(
                host: "127.0.0.1", port: 0, service: SyncService(store: store, logger: logger), logger: logger)
            servers.append(server)
            tasks.append(Task { try await server.run() })
        }
        let adminToken = try await stores[0].addAgent(try Agent(name: "admin", territories: [], role: .admin), now: Date())
        return DemoCluster(
            directory: directory, store: stores[0], servers: servers, tasks: tasks, adminToken: adminToken, close: close)
    }

    private static var logger: Logger {
        var logger = Logger(label: "touchpoint.demo.server")
        logger.logLevel = .warning
        return logger
    }

    func stop() async {
        for task in tasks { task.cancel() }
        for task in tasks { _ = try? await task.value }
        await close()
    }

    /// Registers an agent and opens its laptop database file; the laptop syncs with instance `instance` (modulo their number).
    func laptop(_ name: String, team: String, territories: [String], instance: Int = 0) async throws -> DemoLaptop {
        let agent = try Agent(name: name, team: team, territories: territories)
        let token = try await store.addAgent(agent, now: Date())
        let path = directory + "/\(name.split(separator: " ")[0].lowercased()).sqlite"
        let database = try AgentStore(path: path)
        try database.initialize(agentID: agent.id, territories: territories)
        return DemoLaptop(agent: agent, store: database, path: path, token: token, endpoint: endpoints[instance % endpoints.count])
    }
}

/// One agent's laptop: its database and what it needs to reach the server.
struct DemoLaptop {
    let agent: Agent
    let store: AgentStore
    let path: String
    let token: String
    let endpoint: Endpoint

    /// Pushes the outbox and pulls everything new, over TCP.
    @discardableResult
    func sync() async throws -> SyncSummary {
        let configuration = ClientSessionConfiguration(siteID: try store.identity().site, agentID: agent.id, token: token)
        return try await SyncConnection.withConnection(to: endpoint, configuration: configuration) { connection in
            try await SyncEngine(store: store).sync(over: connection)
        }
    }
}
