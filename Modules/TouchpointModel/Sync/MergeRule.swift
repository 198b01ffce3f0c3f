import Foundation

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
