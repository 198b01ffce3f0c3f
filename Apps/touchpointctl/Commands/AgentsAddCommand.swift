import ArgumentParser
import Foundation
import TouchpointAdminClient
import TouchpointCLI
import TouchpointModel
import TouchpointProtocol

/// `agents add`: registers an agent and prints its token once.
struct AgentsAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Register an agent; prints its token once (the server keeps only a hash).")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: .field(Agent.descriptor, "name")) var name: String
    @OptionGroup var fields: AgentFields

    func run() async throws {
        let role = try fields.agentRole()
        let (agent, token) = try await connection.connect {
            try await $0.addAgent(name: name, team: fields.team, territories: fields.territories, role: role)
        }
        if output.json {
            try JSONOutput.object(["id": agent.id.uuidString.lowercased(), "name": agent.name, "token": token])
        } else {
            print("registered \(agent.name) \(agent.id.uuidString.lowercased())")
            print("token: \(token)")
            print("(shown once: give it to the agent for `touchpoint-agent init --token`)")
        }
    }
}
