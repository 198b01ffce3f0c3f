import Foundation
import TouchpointModel

/// Who is on the other end of a session, once authenticated.
public struct Principal: Hashable, Sendable {
    /// The agent (or admin) id.
    public var agentID: UUID
    public var name: String
    public var role: AgentRole
    public var team: String?
    /// Territories whose customers this principal may see and edit.
    public var territories: [String]
    /// The replica the session speaks for.
    public var site: SiteID
    /// True when a garbage collection marked the agent stale: this session's Welcome asks for a
    /// full resync, and its pulls include its own changes (it dropped everything it held).
    public var resyncRequired = false

    /// Creates a principal.
    public init(agentID: UUID, name: String, role: AgentRole, team: String? = nil, territories: [String], site: SiteID) {
        self.agentID = agentID
        self.name = name
        self.role = role
        self.team = team
        self.territories = territories
        self.site = site
    }

    /// True for admins, who see every territory.
    public var seesEverything: Bool { role == .admin }
}
