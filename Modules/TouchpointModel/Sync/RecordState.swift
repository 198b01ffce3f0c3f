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

    /// Applies a change with the merge rule; returns the conflicts it detected.
    @discardableResult
    public mutating func apply(_ change: Change) -> [FieldConflict] {
        precondition(change.entity == entity && change.id == id, "change for another record")
        var conflicts = MergeRule.deleteConflicts(before: self, change: change)
        for field in change.fields {
            let merged = MergeRule.merge(current: fields[field.name], incoming: field)
            fields[field.name] = merged.stored
            if let conflict = merged.conflict { conflicts.append(conflict) }
        }
        return conflicts
    }

    /// Merges another state of the same record, field by field.
    public func merging(_ other: RecordState) -> RecordState {
        var result = self
        for (name, state) in other.fields {
            result.fields[name] = fields[name].map { MergeRule.winner($0, state) } ?? state
        }
        return result
    }

    /// Current values only.
    public var values: [String: FieldValue] { fields.mapValues(\.value) }
}
