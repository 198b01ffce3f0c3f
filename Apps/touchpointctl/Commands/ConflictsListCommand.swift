import ArgumentParser
import Foundation
import TouchpointAdminCLI
import TouchpointAdminClient
import TouchpointCLI
import TouchpointModel
import TouchpointProtocol

/// `conflicts list [--open] [--agent A] [--entity E]`.
struct ConflictsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List conflicts, newest first.")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions
    @Flag(help: "Only conflicts not yet resolved.") var open = false
    @Option(help: "Only conflicts involving this agent (name, id or prefix).") var agent: String?
    @Option(help: "Only conflicts on this entity type (customer, case, follow_up, …).") var entity: String?

    func validate() throws {
        _ = try entity.map(Self.entityType)
    }

    static func entityType(_ text: String) throws -> EntityType {
        let normalized = text.lowercased().replacingOccurrences(of: "-", with: "_")
        guard let entity = EntityType.allCases.first(where: { $0.rawValue == normalized || $0.displayName == text.lowercased() })
        else {
            throw ValidationError("--entity: unknown '\(text)' (one of \(EntityType.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return entity
    }

    func run() async throws {
        let (conflicts, names) = try await connection.connect { admin in
            var conflicts = try await admin.conflicts(openOnly: open)
            if let agent {
                let id = try await admin.agent(agent).id
                conflicts = conflicts.filter { $0.winner.agent == id || $0.loser.agent == id }
            }
            if let entity { conflicts = conflicts.filter { $0.entity == (try? Self.entityType(entity)) } }
            return (conflicts, try await admin.agentNames())
        }
        if output.json { return try JSONOutput.encodable(conflicts) }
        ConflictText.table(conflicts, agentNames: names).print(empty: open ? "no open conflicts" : "no conflicts")
    }
}
