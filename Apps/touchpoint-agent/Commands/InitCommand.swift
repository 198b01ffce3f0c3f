import ArgumentParser
import Foundation
import TouchpointCLI
import TouchpointClient
import TouchpointModel
import TouchpointProtocol
import TouchpointRecords
import TouchpointStore

/// `init`: enrols this laptop with its token (or, offline, for a known agent id) and prints who it is.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Enrol this laptop with its token and print its site id, agent id, name and territories.",
        discussion: """
            With --server and --token the agent asks the server whom the token belongs to and stores \
            that agent's id, name and territories; if the server cannot be reached or refuses the \
            token, nothing is enrolled and nothing can be recorded. With --agent-id it works offline \
            (tests, demos). Safe to run again: the site id is kept; --server updates the address.
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .customLong("agent-id"), help: "Offline: this agent's id as registered on the server (default: ask the server).")
    var agentID: String?

    @Option(name: .customLong("territory"), help: "Offline, with --agent-id: a territory this agent works in (repeatable).")
    var territories: [String] = []

    @Option(help: "Sync server address, HOST:PORT (stored in the database).")
    var server: String?

    @Option(help: "This agent's token from the admin: with --server, enough to enrol.")
    var token: String?

    @OptionGroup var tlsOptions: TLSClientOptions

    /// The TLS settings the options ask for (nil: plain TCP), with absolute paths.
    var clientTLS: ClientTLS? { tlsOptions.settings() }

    func validate() throws {
        _ = try Parse.uuid(agentID, option: "--agent-id")
        if territories.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty || $0.contains(",") }) {
            throw ValidationError("--territory: a territory must be non-empty and may not contain ','")
        }
        if let server { _ = try Endpoint(parsing: server) }
        if let token, token.isEmpty { throw ValidationError("--token must not be empty") }
        if tlsOptions.tls, server == nil { throw ValidationError("--tls goes with --server HOST:PORT") }
        if agentID == nil, token != nil, !territories.isEmpty {
            throw ValidationError("--territory goes with --agent-id: with --token the server says the territories")
        }
    }

    func run() async throws {
        let database = try store.openOrCreate()
        let identity: AgentIdentity?
        if let agentID = try Parse.uuid(agentID, option: "--agent-id") {
            identity = try database.initialize(
                agentID: agentID, territories: territories.map { $0.trimmingCharacters(in: .whitespaces) })
            if let server {
                try database.setMeta(.server, server)
                try AgentSync.saveTLS(clientTLS, in: database)
            }
            if let token { try database.setMeta(.token, token) }
        } else if let token {
            guard let address = try server ?? database.meta(.server) else {
                throw CLIError("--token needs --server HOST:PORT to enrol")
            }
            identity = try await AgentSync(store: database).enrol(server: address, token: token, tls: clientTLS)
        } else {
            if let server {
                try database.setMeta(.server, server)
                try AgentSync.saveTLS(clientTLS, in: database)
            }
            identity = territories.isEmpty
                ? try Self.enrolledIdentity(database)
                : try database.initialize(territories: territories.map { $0.trimmingCharacters(in: .whitespaces) })
        }
        try print(identity, site: identity?.site ?? database.siteID(), server: database.meta(.server))
    }

    /// The stored identity, or nil when this database was never enrolled.
    private static func enrolledIdentity(_ database: AgentStore) throws -> AgentIdentity? {
        do {
            return try database.identity()
        } catch let error as StoreError where error.kind == .notInitialized {
            return nil
        }
    }

    private func print(_ identity: AgentIdentity?, site: SiteID, server: String?) throws {
        let territories = identity?.territories ?? []
        if output.json {
            try JSONOutput.object([
                "database": store.path, "site_id": site.description,
                "agent_id": identity.map { $0.agentID.uuidString.lowercased() } ?? NSNull(),
                "agent_name": identity?.name ?? NSNull(), "territories": territories, "server": server ?? NSNull(),
            ])
            return
        }
        Swift.print("database:    \(store.path)")
        Swift.print("site id:     \(site)")
        Swift.print("agent id:    \(identity.map { $0.agentID.uuidString.lowercased() } ?? "(not enrolled: run `touchpoint-agent init --server HOST:PORT --token TOKEN`)")")
        if let identity { Swift.print("agent name:  \(identity.name ?? "(learned from the server at the next sync)")") }
        Swift.print("territories: \(territories.isEmpty ? "(none)" : territories.joined(separator: ", "))")
        Swift.print("server:      \(server ?? "(not set: add --server HOST:PORT --token TOKEN to sync)")")
    }
}
