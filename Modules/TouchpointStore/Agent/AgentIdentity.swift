import Foundation
import TouchpointModel

/// Who this database is: its replica id and its agent.
public struct AgentIdentity: Hashable, Sendable, Codable {
    /// The replica (site) id, the HLC tie-break.
    public var site: SiteID
    /// The agent whose laptop this is.
    public var agentID: UUID
    /// Its name, as the server last said (nil when initialized offline).
    public var name: String?
    /// Its territories, as the server last said (or as given to an offline init).
    public var territories: [String]
}
