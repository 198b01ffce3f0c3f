import Foundation

/// A typed, validated record that syncs as a map of named fields.
///
/// `fields` and `init(id:fields:)` are inverse: the store and the wire use the
/// map, the CLI and reports use the typed value.
public protocol SyncRecord: Hashable, Sendable {
    /// The record kind.
    static var entity: EntityType { get }
    /// The entity's fields, described once (names, kinds, limits, groups, help).
    static var descriptor: EntityDescriptor { get }
    /// The record id (a UUID made on the device).
    var id: UUID { get }
    /// Every synced field by name (excluding `id`).
    var fields: [String: FieldValue] { get }
    /// Rebuilds and validates a record from its fields.
    init(id: UUID, fields: [String: FieldValue]) throws
    /// Checks the domain rules; throws ``ValidationError``.
    func validate() throws
}

extension SyncRecord {
    /// Field names in column order (excluding `id`).
    public static var fieldNames: [String] { descriptor.names }
}

/// Reads typed values out of a field map, with errors that name the field.
struct FieldReader {
    let entity: EntityType
    let fields: [String: FieldValue]

    init(_ entity: EntityType, _ fields: [String: FieldValue]) {
        self.entity = entity
        self.fields = fields
    }

    private func name(_ key: String) -> String {
        assert(entity.descriptor.field(key) != nil, "\(entity.rawValue) has no field '\(key)' in its descriptor")
        return "\(entity.rawValue).\(key)"
    }

    func optionalText(_ key: String) throws -> String? {
        switch fields[key] ?? .null {
        case .null: return nil
        case .text(let s): return s
        case let other: throw ValidationError(field: name(key), message: "expected text, got \(other)")
        }
    }

    func text(_ key: String) throws -> String {
        guard let s = try optionalText(key) else { throw missing(key) }
        return s
    }

    func optionalInt64(_ key: String) throws -> Int64? {
        switch fields[key] ?? .null {
        case .null: return nil
        case .integer(let i): return i
        case let other: throw ValidationError(field: name(key), message: "expected an integer, got \(other)")
        }
    }

    func optionalInt(_ key: String) throws -> Int? {
        try optionalInt64(key).map { Int(truncatingIfNeeded: $0) }
    }

    func int(_ key: String) throws -> Int {
        guard let i = try optionalInt(key) else { throw missing(key) }
        return i
    }

    func optionalDate(_ key: String) throws -> Date? {
        try optionalInt(key).map { Date(timeIntervalSince1970: Double($0) / 1000) }
    }

    func date(_ key: String) throws -> Date {
        guard let d = try optionalDate(key) else { throw missing(key) }
        return d
    }

    func optionalID(_ key: String) throws -> UUID? {
        guard let s = try optionalText(key) else { return nil }
        guard let id = UUID(text: s) else {
            throw ValidationError(field: name(key), message: "not a UUID: '\(s)'")
        }
        return id
    }

    func id(_ key: String) throws -> UUID {
        guard let i = try optionalID(key) else { throw missing(key) }
        return i
    }

    func vocabulary<V: Vocabulary>(_ key: String, _ type: V.Type) throws -> V {
        try parse(key, try text(key))
    }

    func optionalVocabulary<V: Vocabulary>(_ key: String, _ type: V.Type) throws -> V? {
        try optionalText(key).map { try parse(key, $0) }
    }

    /// Parses a vocabulary value; the error names the entity and field like every other field error.
    private func parse<V: Vocabulary>(_ key: String, _ text: String) throws -> V {
        do {
            return try V.parse(text)
        } catch let error as ValidationError {
            throw ValidationError(field: name(key), message: error.message)
        }
    }

    private func missing(_ key: String) -> ValidationError {
        ValidationError(field: name(key), message: "is required")
    }
}

extension String {
    /// Trimmed, and nil when empty: how optional free text is normalized.
    var nonEmpty: String? {
        let t = trimmingCharacters(in: .whitespacesAndNewlines)
        return t.isEmpty ? nil : t
    }
}
