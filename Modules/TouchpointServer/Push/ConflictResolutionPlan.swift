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
public enum ConflictResolutionPlan {
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

extension ConflictResolutionPlan {
    /// What a resolution may write — both sides of the conflict and of those detected
    /// with it, and a value given — as changes, so a store reads the context the write needs.
    public static func candidates(for conflict: ConflictRecord, keep: ConflictResolution, siblings: [ConflictRecord]) -> [Change] {
        var fields: [FieldChange] = []
        for record in [conflict] + siblings {
            fields.append(FieldChange(name: record.field, value: record.winner.value, version: record.winner.version))
            fields.append(FieldChange(name: record.field, value: record.loser.value, version: record.loser.version))
        }
        if case .value(let value) = keep {
            fields.append(FieldChange(name: conflict.field, value: value, version: conflict.winner.version))
        }
        return [Change(entity: conflict.entity, id: conflict.entityID, fields: fields)]
    }

    /// The write that resolves a conflict, from the record's context; nil when nothing is written.
    public static func plan(
        for conflict: ConflictRecord, keep: ConflictResolution, siblings: [ConflictRecord], by admin: UUID, now: Date,
        context: PushContext
    ) throws -> PushPlan? {
        let stored = context.records[conflict.entity]?[conflict.entityID]
        guard let values = values(for: conflict, keep: keep, stored: stored, siblings: siblings) else { return nil }
        return try PushRules.plan(write: values, to: conflict.entity, id: conflict.entityID, by: admin, now: now, context: context)
    }

    /// The conflicts detected with `conflict` on the same field group (same record, same losing write), among `candidates`.
    public static func siblings(of conflict: ConflictRecord, among candidates: [ConflictRecord]) -> [ConflictRecord] {
        guard let group = conflict.entity.group(of: conflict.field) else { return [] }
        return candidates.filter { group.contains($0.field) && $0.loser.version == conflict.loser.version }
    }
}
