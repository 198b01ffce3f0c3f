import Foundation
import TouchpointModel
import TouchpointProtocol

/// What resolving a conflict writes, free of storage.
///
/// - A delete conflict (the winner is the record's tombstone): keeping the winner
///   leaves the record deleted and writes nothing; keeping the loser or a value
///   undeletes the record with that edit.
/// - A conflict on a field group: the whole group is written, the other members
///   taking the values of the same side (their sibling conflicts) or their current ones.
/// - Otherwise the kept value, unless it is already the current one.
enum ConflictResolutionPlan {
    /// Field name → value to write with one new version, or nil to write nothing.
    static func values(
        for conflict: ConflictRecord, keep: ConflictResolution, stored: RecordState?, siblings: [ConflictRecord]
    ) -> [String: FieldValue]? {
        let tombstone = stored?.fields[tombstoneField]
        let deleteConflict = tombstone?.value == .integer(1) && tombstone?.version == conflict.winner.version
        let kept: FieldValue
        switch keep {
        case .winner:
            if deleteConflict { return nil }
            kept = conflict.winner.value
        case .loser: kept = conflict.loser.value
        case .value(let value): kept = value
        }
        var values = [conflict.field: kept]
        if let group = conflict.entity.group(of: conflict.field) {
            for member in group where member != conflict.field {
                let sibling = siblings.first { $0.field == member }
                let side: FieldValue? = switch keep {
                case .winner: sibling?.winner.value
                case .loser: sibling?.loser.value
                case .value: nil
                }
                values[member] = side ?? stored?.fields[member]?.value ?? .null
            }
        }
        if deleteConflict { values[tombstoneField] = .integer(0) }
        if !deleteConflict, values.allSatisfy({ stored?.fields[$0.key]?.value == $0.value }) { return nil }
        return values
    }
}
