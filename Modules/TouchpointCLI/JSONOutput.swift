import Foundation

/// Prints JSON on stdout for `--json` (sorted keys, pretty-printed) and nothing else there.
public enum JSONOutput {
    /// Prints a JSON-compatible object or array.
    public static func object(_ object: Any) throws {
        let data = try JSONSerialization.data(
            withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        print(String(decoding: data, as: UTF8.self))
    }

    /// Prints an `Encodable` value: dates ISO 8601, UUIDs lowercase as they are typed back.
    public static func encodable(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(value)
        let object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        try self.object(lowercasingUUIDs(object))
    }

    private static func lowercasingUUIDs(_ value: Any) -> Any {
        switch value {
        case let text as String where text.count == 36 && UUID(uuidString: text) != nil: return text.lowercased()
        case let array as [Any]: return array.map(lowercasingUUIDs)
        case let object as [String: Any]: return object.mapValues(lowercasingUUIDs)
        default: return value
        }
    }
}
