import Foundation

extension MergeRule {
    /// Conflicts between a delete and edits its author had not seen.
    ///
    /// Field merging already converges (a tombstone is one more field); this
    /// only reports the clash so admins see it. A delete carries as its base the
    /// highest version its author had seen of the record, so:
    /// - an incoming delete conflicts with every stored field newer than that base;
    /// - an incoming edit of a deleted record conflicts when its base predates the tombstone.
    /// In both the tombstone is reported as the winner (the record stays deleted) and
    /// the edit as the loser.
    public static func deleteConflicts(before: RecordState, change: Change) -> [FieldConflict] {
        var conflicts: [FieldConflict] = []
        if !before.isDeleted, let delete = change.fields.first(where: { $0.name == tombstoneField && $0.value == .integer(1) }) {
            let tombstone = FieldState(value: delete.value, version: delete.version)
            for name in before.fields.keys.sorted() where name != tombstoneField {
                let state = before.fields[name]!
                if delete.base.map({ state.version > $0 }) ?? true {
                    conflicts.append(FieldConflict(field: name, winner: tombstone, loser: state))
                }
            }
        }
        if before.isDeleted, let tombstone = before.fields[tombstoneField] {
            for field in change.fields where field.name != tombstoneField {
                if field.base.map({ $0 < tombstone.version }) ?? true {
                    conflicts.append(
                        FieldConflict(field: field.name, winner: tombstone, loser: FieldState(value: field.value, version: field.version)))
                }
            }
        }
        return conflicts
    }
}
