import Foundation

/// Two concurrent edits of one field: the merge rule's winner and the kept loser.
public struct FieldConflict: Hashable, Sendable, Codable {
    /// Field name.
    public var field: String
    /// The state that won (higher version).
    public var winner: FieldState
    /// The state that lost, kept so nothing is lost.
    public var loser: FieldState
}
