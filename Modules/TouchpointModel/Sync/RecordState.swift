import Foundation

/// The full synced state of one record: every field with its version.
public struct RecordState: Hashable, Sendable, Codable {
    /// The record's kind.
    public var entity: EntityType
    /// The record's id.
    public var id: UUID
    /// Field name → value and version.
    public var fields: [String: FieldState]

    /// Creates a record state.
    public init(entity: EntityType, id: UUID, fields: [String: FieldState] = [:]) {
        self.entity = entity
        self.id = id
        self.fields = fields
    }

    /// True when the tombstone field is set.
    public var isDeleted: Bool { (fields[tombstoneField]?.value.integer ?? 0) != 0 }

    /// Applies a change with the merge rule: field by field, and each field group
    /// (``EntityType/fieldGroups``) as one unit.
    @discardableResult
    public mutating func apply(_ change: Change) -> RecordMerge {
        precondition(change.entity == entity && change.id == id, "change for another record")
        var result = RecordMerge(conflicts: MergeRule.deleteConflicts(before: self, change: change))
        let written = change.written
        var grouped = Set<String>()
        for group in entity.fieldGroups {
            let members = written.filter { group.contains($0.name) }
            guard !members.isEmpty else { continue }
            grouped.formUnion(group)
            applyGroup(group, members, into: &result)
        }
        for field in written where !grouped.contains(field.name) {
            let merged = MergeRule.merge(current: fields[field.name], incoming: field)
            fields[field.name] = merged.stored
            if merged.applied { result.applied.append(field) }
            if let conflict = merged.conflict { result.conflicts.append(conflict) }
        }
        return result
    }

    /// The version of a group: the newest of its members' versions.
    public func groupVersion(_ group: [String]) -> FieldVersion? {
        group.compactMap { fields[$0]?.version }.max()
    }

    private mutating func applyGroup(_ group: [String], _ members: [FieldChange], into result: inout RecordMerge) {
        let incoming = members.map(\.version).max()!
        let stored = groupVersion(group)
        guard stored != incoming else { return }
        let wins = stored.map { incoming > $0 } ?? true
        let before = fields
        if wins {
            for member in members { fields[member.name] = FieldState(value: member.value, version: incoming) }
            result.applied += members
        }
        // A concurrent write of the group: keep every member value that differs.
        let base = members.compactMap(\.base).max()
        guard let stored, base != stored, !members.allSatisfy(\.isReplay) else { return }
        for member in members {
            guard let old = before[member.name], old.value != member.value else { continue }
            let mine = FieldState(value: member.value, version: incoming)
            result.conflicts.append(
                FieldConflict(field: member.name, winner: wins ? mine : old, loser: wins ? old : mine))
        }
    }

    /// Merges another state of the same record, field by field and group by group.
    public func merging(_ other: RecordState) -> RecordState {
        var result = self
        for change in other.replayChanges { result.apply(change) }
        return result
    }

    /// Current values only.
    public var values: [String: FieldValue] { fields.mapValues(\.value) }
}

extension RecordState {
    /// The whole record as changes that rebuild it anywhere: every field with its
    /// version, each a replay (base equal to version). A deleted record takes two
    /// changes, the values first and then the tombstone on its own, since a change
    /// that sets the tombstone is a delete whose other entries are only what was seen.
    public var replayChanges: [Change] {
        func replay(_ names: [String]) -> Change {
            Change(entity: entity, id: id, fields: names.map { name in
                let state = fields[name]!
                return FieldChange(name: name, value: state.value, version: state.version, base: state.version)
            })
        }
        var changes = [replay(fields.keys.filter { $0 != tombstoneField }.sorted())]
        if fields[tombstoneField] != nil { changes.append(replay([tombstoneField])) }
        return changes
    }
}
