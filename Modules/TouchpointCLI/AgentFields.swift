import ArgumentParser
import Foundation
import TouchpointModel

/// The agent attributes that `touchpoint-server agents add` and `touchpointctl agents add` take, with help
/// from ``Agent/descriptor``.
public struct AgentFields: ParsableArguments {
    private static let fields = Agent.descriptor
    @Option(help: .field(fields, "team")) public var team: String?
    @Option(name: .customLong("territory"), help: .field(fields, "territories", "Repeat for several (or separate them by commas)."))
    public var territoryOptions: [String] = []
    @Option(help: .field(fields, "role")) public var role = AgentRole.agent.rawValue

    public init() {}

    /// The territories given, split at commas, trimmed, without empties.
    public var territories: [String] {
        territoryOptions.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The role given.
    public func agentRole() throws -> AgentRole {
        do {
            return try AgentRole.parse(role)
        } catch let error as TouchpointModel.ValidationError {
            throw CLIError("--role: \(error.message)")
        }
    }
}
