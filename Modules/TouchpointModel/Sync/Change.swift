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
}

/// A change to one record: the unit of the outbox, of a push and of a pull.
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
    public var maxHLC: HLC { fields.map(\.version.hlc).max() ?? .zero }
}

/// The reserved field that marks a record deleted; it merges like any field.
public let tombstoneField = "_deleted"
