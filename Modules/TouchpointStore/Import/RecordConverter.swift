import Foundation
import TouchpointModel

/// Turns one imported row (column name → text) into a validated record.
///
/// Empty text is null. Ids are UUIDs, dates ISO 8601 or epoch milliseconds
/// (see ``Timestamp``), integers decimal. Columns a row leaves out take the
/// entity's defaults (this agent for the agent columns, `inbound`, `open`, …).
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
        for name in known {
            guard let text = values[name], !text.isEmpty else { continue }
            fields[name] = try Self.value(text, entity: entity, field: name)
        }
        for (name, value) in defaults(entity) where fields[name] == nil { fields[name] = value }
        return try entity.recordType.init(id: try id(entity, values["id"], fields), fields: fields)
    }

    /// Parses one field's text by its ``FieldKind``.
    public static func value(_ text: String, entity: EntityType, field: String) throws -> FieldValue {
        let kind = FieldKind(field: field)
        if kind == .text { return .text(text) }
        let trimmed = text.asciiTrimmed
        switch kind {
        case .text:
            return .text(text)
        case .id:
            guard let id = UUID(uuidString: trimmed) else {
                throw ValidationError(field: "\(entity.rawValue).\(field)", message: "not a UUID: '\(text)'")
            }
            return .id(id)
        case .date:
            guard let ms = Timestamp.milliseconds(trimmed) else {
                throw ValidationError(
                    field: "\(entity.rawValue).\(field)",
                    message: "not a date: '\(text)' (give ISO 8601 or epoch milliseconds)")
            }
            return .integer(ms)
        case .integer:
            guard let int = Int64(trimmed.hasPrefix("+") ? String(trimmed.dropFirst()) : trimmed) else {
                throw ValidationError(field: "\(entity.rawValue).\(field)", message: "not an integer: '\(text)'")
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

    /// Values for the columns a row may leave out (the typed initializers' defaults).
    private func defaults(_ entity: EntityType) -> [String: FieldValue] {
        switch entity {
        case .customer:
            ["lifecycle": .text(LifecycleStage.active.rawValue)]
        case .interaction:
            [
                "agent_id": .id(agentID), "direction": .text(Direction.inbound.rawValue), "sentiment": .integer(0),
                "duration_seconds": .integer(0),
            ]
        case .supportCase:
            ["status": .text(CaseStatus.open.rawValue), "priority": .text(CasePriority.normal.rawValue), "reopen_count": .integer(0)]
        case .feedback:
            [:]
        case .followUp:
            ["assignee_agent_id": .id(agentID), "status": .text(FollowUpStatus.open.rawValue)]
        case .note:
            ["author_agent_id": .id(agentID)]
        }
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
