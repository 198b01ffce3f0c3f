import Foundation
import TouchpointModel

/// Which conflicts to list.
public struct ConflictFilter: Hashable, Sendable {
    public var openOnly = false
    public var agentID: UUID?
    public var entity: EntityType?
    /// Paging: only conflicts with a larger id, oldest first (nil: newest first).
    public var afterID: Int64?
    public var limit = 100

    /// The default: every conflict, newest first, 100 at most.
    public init() {}
}
