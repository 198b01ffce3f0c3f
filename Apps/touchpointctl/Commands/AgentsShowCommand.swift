import ArgumentParser
import Foundation
import TouchpointAdminCLI
import TouchpointAdminClient
import TouchpointCLI
import TouchpointModel
import TouchpointProtocol

/// `agents show NAME|ID`: registration and sync state of one agent.
struct AgentsShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one agent and its sync state.")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "Agent name, id or id prefix.") var agent: String

    func run() async throws {
        let (info, status) = try await connection.connect { admin in
            let info = try await admin.agent(agent)
            var status = try await admin.status()
            status.agents = status.agents.filter { $0.id == info.id }
            return (info, status)
        }
        let view = StatusView(status)
        if output.json {
            var object = try AgentRows.registration(info)
            object["sync"] = (try view.jsonObject()["agents"] as? [Any])?.first ?? NSNull()
            return try JSONOutput.object(object)
        }
        print("agent        \(info.name) \(info.id.uuidString.lowercased())")
        print("team         \(info.agent.team ?? "—")")
        print("territories  \(info.agent.territories.joined(separator: ", "))")
        print("role         \(info.agent.role.rawValue)\(info.revoked ? " (revoked)" : "")")
        if let row = status.agents.first {
            print("site         \(row.site ?? "—")")
            print("lag          \(row.lag) (cursor \(row.cursor) of \(status.sequence))")
            print("outbox       \(row.outboxDepth.map { "\($0) change(s) waiting at its latest pull (as reported)" } ?? "— (never reported)")")
            print("acked        outbox sequence \(row.ackedOutbox)")
            print("last seen    \(row.lastSeen.map(Format.date) ?? "never")\(view.isSilent(row) ? "  SILENT" : "")")
            print("last sync    \(row.lastSync.map(Format.date) ?? "never")")
            print("rejected     \(row.rejected)")
            print("last error   \(row.lastError ?? "none")")
        }
    }
}
