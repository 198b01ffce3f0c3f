import Foundation
import TouchpointModel
import TouchpointStore

/// A record in the row shape that export writes and import reads: `id` then the
/// entity's fields, dates as ISO 8601 UTC, ids lowercase, null as empty (CSV) or `null` (JSON).
public enum RecordRow {
    /// CSV columns for records of `entities`: `type`, `id` and every field once (so a file names its rows' entity).
    public static func columns(_ entities: [EntityType]) -> [String] {
        var seen: Set<String> = []
        let fields = entities.flatMap(\.fieldNames).filter { seen.insert($0).inserted }
        return ["type", "id"] + fields
    }

    /// The text form of one field value (nil for null).
    public static func text(_ value: FieldValue, entity: EntityType, field: String) -> String? {
        switch value {
        case .null: nil
        case .text(let s): s
        case .integer(let i): kind(entity, field).isTime ? Timestamp.format(milliseconds: i) : String(i)
        case .real(let d): String(d)
        }
    }

    /// A record's values for `columns` (from ``columns(_:)``), as CSV fields.
    public static func csvFields(_ record: any SyncRecord, columns: [String]) -> [String?] {
        let entity = type(of: record).entity
        let fields = record.fields
        return columns.map { column in
            switch column {
            case "type": entity.rawValue
            case "id": record.id.lowercasedText
            default: fields[column].flatMap { text($0, entity: entity, field: column) }
            }
        }
    }

    /// A record as a JSON object: `type`, `id` and every field (dates as ISO 8601 text).
    public static func jsonObject(_ record: any SyncRecord) -> [String: Any] {
        let entity = type(of: record).entity
        var object: [String: Any] = ["type": entity.rawValue, "id": record.id.lowercasedText]
        for (name, value) in record.fields {
            switch value {
            case .null: object[name] = NSNull()
            case .text(let s): object[name] = s
            case .integer(let i): object[name] = kind(entity, name).isTime ? Timestamp.format(milliseconds: i) : i
            case .real(let d): object[name] = d
            }
        }
        return object
    }

    /// The kind of a field (text for a name the entity does not know).
    private static func kind(_ entity: EntityType, _ field: String) -> FieldKind {
        entity.descriptor.field(field)?.kind ?? .text(.long)
    }

    /// A record as one line of JSON (keys sorted), without the line end.
    public static func jsonLine(_ record: any SyncRecord) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: jsonObject(record), options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}
