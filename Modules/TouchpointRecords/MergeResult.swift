import TouchpointModel

/// What merging one change did.
package struct MergeResult: Sendable {
    /// Field changes that won and were written.
    package var applied: [FieldChange]
    /// Concurrent edits detected (winner and loser kept).
    package var conflicts: [FieldConflict]
    /// True when the record did not exist before.
    package var created: Bool
}
