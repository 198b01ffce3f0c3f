import Foundation

/// The stored state of one field: value plus version.
public struct FieldState: Hashable, Sendable, Codable {
    /// The value.
    public var value: FieldValue
    /// Its version.
    public var version: FieldVersion

    /// Creates a field state.
    public init(value: FieldValue, version: FieldVersion) {
        self.value = value
        self.version = version
    }
}

/// Two concurrent edits of one field: the merge rule's winner and the kept loser.
public struct FieldConflict: Hashable, Sendable, Codable {
    /// Field name.
    public var field: String
    /// The state that won (higher version).
    public var winner: FieldState
    /// The state that lost, kept so nothing is lost.
    public var loser: FieldState
}

/// The outcome of merging one incoming field change into the stored state.
public struct FieldMerge: Hashable, Sendable {
    /// What to store after the merge.
    public var stored: FieldState
    /// True when the incoming value replaced the stored one.
    public var applied: Bool
    /// Set when the edit was concurrent with the stored one.
    public var conflict: FieldConflict?
}

/// The merge rule: per field, the higher (HLC, site) wins.
///
/// It is commutative, associative and idempotent, so replicas converge whatever
/// the order or repetition of deliveries. Conflict detection is separate from
/// choosing the winner: an edit whose base is not the stored version was made
/// without seeing the stored value, and both values are reported.
public enum MergeRule {
    /// Picks the winner of two states of one field.
    public static func winner(_ a: FieldState, _ b: FieldState) -> FieldState {
        // Equal versions carry equal values (a version is stamped once), so
        // either is right; prefer `a` for determinism.
        b.version > a.version ? b : a
    }

    /// Merges an incoming field change into the current state.
    public static func merge(current: FieldState?, incoming: FieldChange) -> FieldMerge {
        let next = FieldState(value: incoming.value, version: incoming.version)
        guard let current else {
            return FieldMerge(stored: next, applied: true, conflict: nil)
        }
        if current.version == incoming.version {
            return FieldMerge(stored: current, applied: false, conflict: nil)
        }
        let win = winner(current, next)
        let applied = win.version == next.version
        var conflict: FieldConflict?
        if incoming.base != current.version, current.value != incoming.value, !incoming.isReplay {
            let lose = applied ? current : next
            conflict = FieldConflict(field: incoming.name, winner: win, loser: lose)
        }
        return FieldMerge(stored: win, applied: applied, conflict: conflict)
    }
}
