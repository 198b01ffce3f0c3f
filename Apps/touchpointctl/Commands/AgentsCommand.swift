import ArgumentParser
import Foundation
import TouchpointAdminClient
import TouchpointCLI
import TouchpointModel
import TouchpointProtocol

/// `agents list|add|revoke|show`.
struct AgentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agents", abstract: "List, register, revoke and show agents.",
        subcommands: [AgentsListCommand.self, AgentsAddCommand.self, AgentsRevokeCommand.self, AgentsShowCommand.self],
        defaultSubcommand: AgentsListCommand.self)
}

/// Agents as a table or JSON.
enum AgentRows {
    static func print(_ agents: [AgentSyncState], json: Bool) throws {
        if json { return try JSONOutput.object(try agents.map(registration)) }
        var table = Table("ID", "NAME", "TEAM", "TERRITORIES", "ROLE", "STATE")
        for a in agents {
            table.add(
                Format.short(a.id), a.name, a.agent.team ?? "", a.agent.territories.joined(separator: ","), a.agent.role.rawValue,
                a.revoked ? "revoked" : a.stale ? "stale" : "active")
        }
        table.print(empty: "no agents")
    }

    /// An agent's registration as `agents … --json` prints it: the agent and whether it is revoked.
    static func registration(_ a: AgentSyncState) throws -> [String: Any] {
        var object = try JSONOutput.jsonObject(a.agent) as? [String: Any] ?? [:]
        object["revoked"] = a.revoked
        return object
    }
}
