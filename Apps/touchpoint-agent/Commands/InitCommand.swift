import ArgumentParser
import Foundation
import TouchpointCLI
import TouchpointClient
import TouchpointModel
import TouchpointStore

/// `init`: creates the database and this replica's identity (idempotent).
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the agent database (or update it) and print its site and agent ids.",
        discussion: "Safe to run again: the site id is kept; --agent-id and --territory replace what was set."
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .customLong("agent-id"), help: "This agent's id (as registered on the server); default: a new one.")
    var agentID: String?

    @Option(name: .customLong("territory"), help: "A territory this agent works in (repeat for several).")
    var territories: [String] = []

    @Option(help: "Sync server address, HOST:PORT (stored in the database).")
    var server: String?

    @Option(help: "This agent's token from the admin (stored in the database).")
    var token: String?

    func validate() throws {
        _ = try Parse.uuid(agentID, option: "--agent-id")
        if territories.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty || $0.contains(",") }) {
            throw ValidationError("--territory: a territory must be non-empty and may not contain ','")
        }
        if let server { _ = try Endpoint(parsing: server) }
        if let token, token.isEmpty { throw ValidationError("--token must not be empty") }
    }

    func run() throws {
        let database = try store.openOrCreate()
        let identity = try database.initialize(
            agentID: try Parse.uuid(agentID, option: "--agent-id"),
            territories: territories.map { $0.trimmingCharacters(in: .whitespaces) })
        if let server { try database.setMeta(.server, server) }
        if let token { try database.setMeta(.token, token) }
        let configuredServer = try database.meta(.server)
        if output.json {
            try JSONOutput.object([
                "database": store.path, "site_id": identity.site.description,
                "agent_id": identity.agentID.uuidString.lowercased(), "territories": identity.territories,
                "server": configuredServer ?? NSNull(),
            ])
        } else {
            print("database:    \(store.path)")
            print("site id:     \(identity.site)")
            print("agent id:    \(identity.agentID.uuidString.lowercased())")
            print("territories: \(identity.territories.isEmpty ? "(none)" : identity.territories.joined(separator: ", "))")
            print("server:      \(configuredServer ?? "(not set: add --server HOST:PORT --token TOKEN to sync)")")
        }
    }
}
