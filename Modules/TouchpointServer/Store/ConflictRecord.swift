import Foundation
import TouchpointModel

/// A kept conflict: both values, versions, sites and agents of one field.
public struct ConflictRecord: Hashable, Sendable, Codable {
    public var id: Int64
    public var entity: EntityType
    public var entityID: UUID
    public var field: String
    public var winner: FieldState
    public var loser: FieldState
    /// Agents behind the two sites, when known.
    public var winnerAgent: UUID?
    public var loserAgent: UUID?
    public var detectedAt: Date
    public var resolvedAt: Date?
    public var resolvedBy: UUID?
    /// What the resolution kept, e.g. `winner`, `loser`, `value`.
    public var resolution: String?
}
