import Foundation

/// A change to one record: the unit of the outbox, of a push and of a pull.
///
/// A delete sets ``tombstoneField`` to 1; its other entries are not edits but what
/// the deleter had seen of each field (the version, base equal to it), so an
/// edit the deleter never saw is a conflict whatever the clocks say.
public struct Change: Hashable, Sendable, Codable {
    /// The record's kind.
    public var entity: EntityType
    /// The record's id.
    public var id: UUID
    /// The changed fields.
    public var fields: [FieldChange]

    /// Creates a change.
    public init(entity: EntityType, id: UUID, fields: [FieldChange]) {
        self.entity = entity
        self.id = id
        self.fields = fields
    }

    /// The highest HLC among the fields (what clock-skew checks look at).
    public var maxHLC: HLC { written.map(\.version.hlc).max() ?? .zero }

    /// The tombstone entry when this change deletes the record.
    public var deletion: FieldChange? {
        fields.first { $0.name == tombstoneField && $0.value == .integer(1) }
    }

    /// The entries that write a value: all of them, except the seen entries of a delete.
    public var written: [FieldChange] {
        guard let deletion else { return fields }
        return [deletion]
    }

    /// For a delete: what its author had seen, field name → version.
    public var seen: [String: FieldVersion] {
        guard deletion != nil else { return [:] }
        var seen: [String: FieldVersion] = [:]
        for field in fields where field.name != tombstoneField { seen[field.name] = field.version }
        return seen
    }
}

/// The reserved field that marks a record deleted; it merges like any field.
public let tombstoneField = "_deleted"
