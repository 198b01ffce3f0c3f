import Foundation
import TouchpointModel

/// Fast JSON for lists of field changes: the server's push log, and what the first
/// outboxes and change logs held (read once by their migrations to protobuf record bytes).
///
/// The shape is exactly what `JSONEncoder` makes of `[FieldChange]`, so either can
/// read the other, but writing by hand is several times faster on Linux, and this
/// runs once per local write and once per pushed change.
package enum FieldChangeCoding {
    /// Encodes field changes as a JSON array.
    package static func encode(_ fields: [FieldChange]) -> String {
        var out = "["
        out.reserveCapacity(fields.count * 96)
        for (index, field) in fields.enumerated() {
            if index > 0 { out += "," }
            out += "{\"name\":"
            appendString(field.name, to: &out)
            out += ",\"value\":"
            appendValue(field.value, to: &out)
            out += ",\"version\":"
            appendVersion(field.version, to: &out)
            if let base = field.base {
                out += ",\"base\":"
                appendVersion(base, to: &out)
            }
            out += "}"
        }
        return out + "]"
    }

    /// Decodes a JSON array written by ``encode(_:)`` or by `JSONEncoder`.
    package static func decode(_ text: String) throws -> [FieldChange] {
        guard let array = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] else {
            throw StoreError.corrupt("field changes are not a JSON array")
        }
        return try array.map { object in
            guard let name = object["name"] as? String, let version = try version(object["version"]) else {
                throw StoreError.corrupt("bad field change \(object)")
            }
            return FieldChange(name: name, value: try value(object["value"]), version: version, base: try self.version(object["base"]))
        }
    }

    private static func appendVersion(_ version: FieldVersion, to out: inout String) {
        out += "{\"hlc\":\(version.hlc.rawValue),\"site\":\"\(version.site.description)\"}"
    }

    static func appendValue(_ value: FieldValue, to out: inout String) {
        switch value {
        case .null: out += "null"
        case .text(let s):
            out += "{\"text\":"
            appendString(s, to: &out)
            out += "}"
        case .integer(let i): out += "{\"int\":\(i)}"
        case .real(let d): out += d.isFinite ? "{\"real\":\(d)}" : "null"
        }
    }

    static func appendString(_ string: String, to out: inout String) {
        out += "\""
        // Most values need no escaping: append them whole.
        if !string.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out += string
            out += "\""
            return
        }
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20: out += String(format: "\\u%04x", c.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    private static func version(_ any: Any?) throws -> FieldVersion? {
        guard let object = any as? [String: Any] else { return nil }
        guard let hlc = (object["hlc"] as? NSNumber)?.uint64Value, let siteText = object["site"] as? String,
            let site = SiteID(siteText)
        else { throw StoreError.corrupt("bad version \(object)") }
        return FieldVersion(hlc: HLC(rawValue: hlc), site: site)
    }

    static func value(_ any: Any?) throws -> FieldValue {
        guard let object = any as? [String: Any] else { return .null }
        if let text = object["text"] as? String { return .text(text) }
        if let number = object["int"] as? NSNumber { return .integer(number.int64Value) }
        if let number = object["real"] as? NSNumber { return .real(number.doubleValue) }
        throw StoreError.corrupt("bad field value \(object)")
    }
}
