import ArgumentParser
import Foundation
import TouchpointAdminClient
import TouchpointProtocol

/// `agents revoke NAME|ID`.
struct AgentsRevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke", abstract: "Revoke an agent's token; its sessions fail from now on.")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "Agent name, id or id prefix.") var agent: String

    func run() async throws {
        let revoked = try await connection.connect { admin in
            try await admin.revokeAgent(try await admin.agent(agent).id)
        }
        if output.json {
            try AgentRows.print([revoked], json: true)
        } else {
            print("revoked \(revoked.name) \(revoked.id.uuidString.lowercased())")
        }
    }
}
