import Foundation

extension MergeRule {
    /// Conflicts between a delete and edits its author had not seen.
    ///
    /// Field merging already converges (a tombstone is one more field); this
    /// only reports the clash so admins see it. A delete carries what its author
    /// had seen of every field (``Change/seen``), so:
    /// - an incoming delete conflicts with every stored field whose version is
    ///   newer than the one the deleter saw, or that the deleter never saw;
    /// - an incoming edit of a deleted record conflicts when it would have won its
    ///   field: it was made over a version the deleter saw or concurrently with it,
    ///   never over the delete. (An edit that loses its field anyway is reported by
    ///   the field merge when its base is stale.)
    /// Neither depends on how the tombstone's clock compares with the edit's.
    /// In both the tombstone is reported as the winner (the record stays deleted)
    /// and the edit as the loser. Deletes from older clients carry no seen entries:
    /// their tombstone's base (the newest version the deleter had seen) stands in.
    public static func deleteConflicts(before: RecordState, change: Change) -> [FieldConflict] {
        var conflicts: [FieldConflict] = []
        if !before.isDeleted, let delete = change.deletion {
            let tombstone = FieldState(value: delete.value, version: delete.version)
            let seen = change.seen
            for name in before.fields.keys.sorted() where name != tombstoneField {
                let state = before.fields[name]!
                let saw = seen.isEmpty ? delete.base : seen[name]
                if saw.map({ state.version > $0 }) ?? true {
                    conflicts.append(FieldConflict(field: name, winner: tombstone, loser: state))
                }
            }
        }
        let undeletes = change.fields.contains { $0.name == tombstoneField && $0.value == .integer(0) }
        if before.isDeleted, !undeletes, change.deletion == nil, let tombstone = before.fields[tombstoneField] {
            for field in change.fields where field.name != tombstoneField && !field.isReplay {
                if before.fields[field.name].map({ field.version > $0.version }) ?? true {
                    conflicts.append(
                        FieldConflict(field: field.name, winner: tombstone, loser: FieldState(value: field.value, version: field.version)))
                }
            }
        }
        return conflicts
    }
}
