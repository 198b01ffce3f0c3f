import Foundation

/// The outcome of merging one incoming field change into the stored state.
public struct FieldMerge: Hashable, Sendable {
    /// What to store after the merge.
    public var stored: FieldState
    /// True when the incoming value replaced the stored one.
    public var applied: Bool
    /// Set when the edit was concurrent with the stored one.
    public var conflict: FieldConflict?
}
