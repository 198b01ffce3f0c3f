import ArgumentParser
import Foundation
import TouchpointCLI
import TouchpointClient
import TouchpointModel

/// `agents list|add|revoke|show`.
struct AgentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agents", abstract: "List, register, revoke and show agents.",
        subcommands: [AgentsListCommand.self, AgentsAddCommand.self, AgentsRevokeCommand.self, AgentsShowCommand.self],
        defaultSubcommand: AgentsListCommand.self)
}

/// Agents as a table or JSON.
enum AgentRows {
    static func print(_ agents: [AgentView], json: Bool) throws {
        if json { return try JSONOutput.encodable(agents) }
        var table = Table("ID", "NAME", "TEAM", "TERRITORIES", "ROLE", "STATE")
        for a in agents {
            table.add(
                Format.short(a.id), a.name, a.team ?? "", a.territories.joined(separator: ","), a.role.rawValue,
                a.revoked ? "revoked" : "active")
        }
        table.print(empty: "no agents")
    }
}
