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
