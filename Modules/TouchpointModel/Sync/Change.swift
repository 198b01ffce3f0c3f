import Foundation

/// One edited field inside a ``Change``: its new value, its version, and the
/// version it was edited over (`base`, nil when the field was new).
public struct FieldChange: Hashable, Sendable, Codable {
    /// Field name (the snake_case column name).
    public var name: String
    /// The new value.
    public var value: FieldValue
    /// The version stamped by the edit.
    public var version: FieldVersion
    /// The version the editor saw before editing; nil for a new field.
    public var base: FieldVersion?

    /// Creates a field change.
    public init(name: String, value: FieldValue, version: FieldVersion, base: FieldVersion? = nil) {
        self.name = name
        self.value = value
        self.version = version
        self.base = base
    }

    /// A replay of an already merged state (base equal to its own version), not a
    /// fresh edit: it merges by version and is never reported as a conflict. Agents
    /// send these when they re-push what they hold after a server restore.
    public var isReplay: Bool { base == version }
}

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
