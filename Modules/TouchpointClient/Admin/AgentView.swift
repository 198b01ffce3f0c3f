import Foundation
import TouchpointModel
import TouchpointProtocol

/// A registered agent.
public struct AgentView: Codable, Sendable, Hashable {
    public var id: UUID
    public var name: String
    public var team: String?
    public var territories: [String]
    public var role: AgentRole
    public var revoked: Bool

    init(_ wire: Touchpoint_V1_AgentInfo) {
        id = UUID(wireBytes: wire.agentID) ?? UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
        name = wire.name
        team = wire.team.isEmpty ? nil : wire.team
        territories = wire.territories
        role = AgentRole(wire: wire.role) ?? .agent
        revoked = wire.revoked
    }
}
