import Foundation

/// What applying one change to a record did.
public struct RecordMerge: Hashable, Sendable {
    /// Field changes that won and were written.
    public var applied: [FieldChange] = []
    /// Concurrent edits detected (winner and loser kept).
    public var conflicts: [FieldConflict] = []

    /// Creates a result.
    public init(applied: [FieldChange] = [], conflicts: [FieldConflict] = []) {
        self.applied = applied
        self.conflicts = conflicts
    }
}
