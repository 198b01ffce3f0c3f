import Foundation

/// One agent's sync state as a garbage collection judges it.
package struct AgentCursor: Hashable, Sendable {
    package var agentID: UUID
    package var revoked: Bool
    /// The latest session or sync of the agent.
    package var lastSeen: Date?
    /// Its latest successful push or pull; nil when it never synced.
    package var lastSync: Date?
    /// The sequence its latest pull started from.
    package var cursor: UInt64
    /// True when an earlier collection marked it stale and it has not resynced since.
    package var stale: Bool

    /// Creates a sync state.
    package init(agentID: UUID, revoked: Bool, lastSeen: Date?, lastSync: Date?, cursor: UInt64, stale: Bool) {
        self.agentID = agentID
        self.revoked = revoked
        self.lastSeen = lastSeen
        self.lastSync = lastSync
        self.cursor = cursor
        self.stale = stale
    }
}
