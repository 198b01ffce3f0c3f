import ArgumentParser
import Foundation
import TouchpointAdminClient
import TouchpointProtocol

/// `agents list`.
struct AgentsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List registered agents.")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions
    @Flag(help: "Include revoked agents.") var all = false

    func run() async throws {
        let agents = try await connection.connect { try await $0.agents(includeRevoked: all) }
        try AgentRows.print(agents, json: output.json)
    }
}
