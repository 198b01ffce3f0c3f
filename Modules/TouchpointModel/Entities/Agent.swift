import Foundation

/// A field agent or admin, registered centrally on the server.
public struct Agent: Hashable, Sendable, Codable {
    /// An agent's fields, described once (agents live on the server; they do not sync as records).
    public static let descriptor = EntityDescriptor(
        "agent", summary: "A field agent or admin, registered on the server; its territories decide what it receives.",
        fields: [
            FieldDescriptor("name", .text(.short), required: true, help: "Display name."),
            FieldDescriptor("team", .text(.short), dimension: true, help: "Team, e.g. emea-support."),
            FieldDescriptor(
                "territories", .tags, help: "Territories whose customers the agent receives (at least one for an agent)."),
            FieldDescriptor(
                "role", .vocabulary(AgentRole.self), required: true, default: .value(.text(AgentRole.agent.rawValue)),
                help: "What the agent may do."),
        ])

    public var id: UUID
    public var name: String
    public var team: String?
    /// Territories whose customers this agent may see and edit.
    public var territories: [String]
    public var role: AgentRole

    /// Creates and validates an agent.
    public init(id: UUID = UUID(), name: String, team: String? = nil, territories: [String], role: AgentRole = .agent) throws {
        self.id = id
        self.name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        self.team = team?.nonEmpty
        self.territories = territories.compactMap(\.nonEmpty)
        self.role = role
        try require(role == .admin || !self.territories.isEmpty, "agent.territories", "an agent needs at least one territory")
        try require(!self.territories.contains { $0.contains(",") }, "agent.territories", "a territory may not contain ','")
        try Self.descriptor.check([
            "name": .text(self.name), "team": .text(self.team),
            "territories": self.territories.isEmpty ? .null : .text(self.territories.joined(separator: ",")),
            "role": .text(role.rawValue),
        ])
    }

    /// True when this agent may see customers of `territory`.
    public func covers(territory: String) -> Bool { role == .admin || territories.contains(territory) }
}
