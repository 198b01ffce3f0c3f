import Foundation
import GRDB
import Logging
import TouchpointClient
import TouchpointModel
import TouchpointProtocol
import TouchpointServer
import TouchpointStore

/// A real sync server on 127.0.0.1 over an SQLite store in a directory, and agent laptops
/// whose databases are files next to it.
struct DemoCluster {
    let directory: String
    let store: SQLiteServerStore
    let server: SyncServer
    let task: Task<Void, any Error>
    let adminToken: String

    var endpoint: Endpoint { Endpoint(host: "127.0.0.1", port: server.port) }

    static func start(in directory: String) async throws -> DemoCluster {
        let store = try SQLiteServerStore(directory: directory + "/server")
        var logger = Logger(label: "touchpoint.demo.server")
        logger.logLevel = .warning
        let server = try await SyncServer.bind(
            host: "127.0.0.1", port: 0, service: SyncService(store: store, logger: logger), logger: logger)
        let task = Task { try await server.run() }
        let adminToken = try await store.addAgent(try Agent(name: "admin", territories: [], role: .admin), now: Date())
        return DemoCluster(directory: directory, store: store, server: server, task: task, adminToken: adminToken)
    }

    func stop() async {
        task.cancel()
        _ = try? await task.value
    }

    /// Registers an agent and opens its laptop database file.
    func laptop(_ name: String, team: String, territories: [String]) async throws -> DemoLaptop {
        let agent = try Agent(name: name, team: team, territories: territories)
        let token = try await store.addAgent(agent, now: Date())
        let path = directory + "/\(name.split(separator: " ")[0].lowercased()).sqlite"
        let database = try AgentStore(path: path)
        try database.initialize(agentID: agent.id, territories: territories)
        return DemoLaptop(agent: agent, store: database, path: path, token: token, endpoint: endpoint)
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
