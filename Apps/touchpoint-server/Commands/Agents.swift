import ArgumentParser
import Foundation
import TouchpointCLI
import TouchpointModel
import TouchpointProtocol
import TouchpointServer

struct Agents: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Register, list and revoke agents directly in the store.",
        subcommands: [Add.self, List.self, Territories.self, Revoke.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Register an agent and print its token (shown once).")

        @OptionGroup var store: StoreOptions
        @Option(help: .field(Agent.descriptor, "name")) var name: String
        @OptionGroup var fields: AgentFields
        @Option(help: "Use this id (default: a new one).") var id: String?

        func run() async throws {
            let agentID = try id.map { text -> UUID in
                guard let id = UUID(uuidString: text) else { throw ValidationError("--id '\(text)' is not a UUID") }
                return id
            } ?? UUID()
            let agent = try Agent(
                id: agentID, name: name, team: fields.team, territories: fields.territories, role: try fields.agentRole())
            let token = try await store.withStore { store in
                try await AuditRecorder.localOperator(store).record(
                    .agentAdd, target: agent.id.lowercasedText,
                    detail: { _ in "\(agent.name), \(agent.role.rawValue), [\(agent.territories.joined(separator: ","))]" }
                ) { try await store.addAgent(agent, now: Date()) }
            }
            print("agent id: \(agent.id.uuidString.lowercased())")
            print("token (shown once): \(token)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List agents.")
        @OptionGroup var store: StoreOptions

        func run() async throws {
            for state in try await store.withStore({ try await $0.agents() }) {
                let agent = state.agent
                let status = state.revoked ? "revoked" : agent.role.rawValue
                print("\(agent.id.uuidString.lowercased())  \(agent.name)  [\(agent.territories.joined(separator: ","))]  \(status)")
            }
        }
    }

    struct Territories: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set the territories an agent covers; its laptop receives the new ones whole and evicts the others at its next sync.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Agent id.") var id: String
        @Option(name: .customLong("territory"), help: .field(Agent.descriptor, "territories", "Repeat for several."))
        var territories: [String] = []

        func run() async throws {
            guard let agentID = UUID(uuidString: id) else { throw ValidationError("'\(id)' is not an agent id") }
            try await store.withStore { store in
                try await AuditRecorder.localOperator(store).record(
                    .territoriesSet, target: agentID.lowercasedText, detail: { _ in "[\(territories.joined(separator: ","))]" }
                ) { try await store.setTerritories(territories, of: agentID) }
            }
            print("\(id.lowercased()) covers [\(territories.joined(separator: ","))]")
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke an agent's token.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Agent id.") var id: String

        func run() async throws {
            guard let agentID = UUID(uuidString: id) else { throw ValidationError("'\(id)' is not an agent id") }
            try await store.withStore { store in
                try await AuditRecorder.localOperator(store).record(.agentRevoke, target: agentID.lowercasedText) {
                    try await store.revokeAgent(agentID, now: Date())
                }
            }
            print("revoked \(id)")
        }
    }
}
