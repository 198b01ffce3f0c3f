import Foundation
import TouchpointModel

/// Turns one imported row (column name → text) into a validated record.
///
/// Empty text is null. Ids are UUIDs, dates ISO 8601 or epoch milliseconds
/// (see ``Timestamp``), integers decimal. Columns a row leaves out take their
/// descriptor's default (``FieldDefault``: this agent for the agent columns,
/// `inbound`, `open` — or `resolved` for a case given a `resolved_at`, …).
/// A row without an `id` gets a ``DeterministicID`` so re-imports dedupe.
public struct RecordConverter: Sendable {
    /// The importing agent: the default for interaction, follow-up and note agent columns.
    public var agentID: UUID

    /// Creates a converter for rows imported by `agentID`.
    public init(agentID: UUID) { self.agentID = agentID }

    /// The validated record; throws ``ValidationError`` naming the field.
    public func record(_ entity: EntityType, _ values: [String: String]) throws -> any SyncRecord {
        let known = entity.fieldNames
        for (key, text) in values where !text.isEmpty && key != "id" && key != "type" && !known.contains(key) {
            throw ValidationError(field: "\(entity.rawValue).\(key)", message: "\(entity.displayName) has no field '\(key)'")
        }
        var fields: [String: FieldValue] = [:]
        for field in entity.descriptor.fields {
            guard let text = values[field.name], !text.isEmpty else { continue }
            fields[field.name] = try Self.value(text, entity: entity, field: field)
        }
        fields.merge(entity.descriptor.defaults(for: fields, author: agentID)) { given, _ in given }
        return try entity.recordType.init(id: try id(entity, values["id"], fields), fields: fields)
    }

    /// Parses one field's text by its descriptor's ``FieldKind``.
    public static func value(_ text: String, entity: EntityType, field: FieldDescriptor) throws -> FieldValue {
        let path = "\(entity.rawValue).\(field.name)"
        switch field.kind {
        case .text, .slug, .vocabulary, .tags, .currency:
            return .text(text)
        case .reference:
            guard let id = UUID(uuidString: text.asciiTrimmed) else {
                throw ValidationError(field: path, message: "not a UUID: '\(text)'")
            }
            return .id(id)
        case .time:
            guard let ms = Timestamp.milliseconds(text.asciiTrimmed) else {
                throw ValidationError(field: path, message: "not a date: '\(text)' (give ISO 8601 or epoch milliseconds)")
            }
            return .integer(ms)
        case .integer, .money:
            let trimmed = text.asciiTrimmed
            guard let int = Int64(trimmed.hasPrefix("+") ? String(trimmed.dropFirst()) : trimmed) else {
                throw ValidationError(field: path, message: "not an integer: '\(text)'")
            }
            return .integer(int)
        }
    }

    private func id(_ entity: EntityType, _ text: String?, _ fields: [String: FieldValue]) throws -> UUID {
        guard let text, !text.isEmpty else { return DeterministicID.make(entity, fields) }
        guard let id = UUID(uuidString: text.asciiTrimmed) else {
            throw ValidationError(field: "\(entity.rawValue).id", message: "not a UUID: '\(text)'")
        }
        return id
    }
}

extension String {
    /// Without leading and trailing ASCII spaces and tabs (cheaper than Foundation's trimming, and enough for
    /// ids, dates and numbers).
    var asciiTrimmed: String {
        let utf8 = self.utf8
        guard let first = utf8.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return "" }
        let last = utf8.lastIndex(where: { $0 != 0x20 && $0 != 0x09 })!
        if first == utf8.startIndex, last == utf8.index(before: utf8.endIndex) { return self }
        return String(self[first...last])
    }
}
