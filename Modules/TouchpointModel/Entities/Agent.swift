import Foundation

/// A field agent or admin, registered centrally on the server.
public struct Agent: Hashable, Sendable, Codable {
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
        try require(!self.name.isEmpty, "agent.name", "must not be empty")
        try require(role == .admin || !self.territories.isEmpty, "agent.territories", "an agent needs at least one territory")
        try TextLimit.short(self.name, "agent.name")
        try TextLimit.short(self.team, "agent.team")
        for territory in self.territories { try TextLimit.short(territory, "agent.territories") }
    }

    /// True when this agent may see customers of `territory`.
    public func covers(territory: String) -> Bool { role == .admin || territories.contains(territory) }
}
