import Foundation

/// The agent (or admin) a session is authenticated as, as Welcome names it:
/// a laptop enrols with its token alone and learns these from the server.
public struct SessionAgent: Hashable, Sendable {
    /// The agent's id.
    public var id: UUID
    /// Its display name.
    public var name: String
    /// The territories it covers now (empty for admins).
    public var territories: [String]

    /// Creates a session agent.
    public init(id: UUID, name: String, territories: [String]) {
        self.id = id
        self.name = name
        self.territories = territories
    }
}
