import Foundation
import TouchpointCLI
import TouchpointModel
import TouchpointProtocol

/// One line per change of the feed: `seq  entity id  field=value …`.
public enum ChangeLine {
    /// The line of a change; values longer than 40 characters are cut.
    public static func text(_ change: SequencedChange) -> String {
        let fields = change.change.fields.sorted { $0.name < $1.name }.map { field in
            var value = field.value.description
            if value.count > 40 { value = String(value.prefix(39)) + "…" }
            return "\(field.name)=\(value)"
        }
        return "\(change.sequence)  \(change.change.entity.rawValue) \(Format.short(change.change.id))  "
            + fields.joined(separator: " ")
    }

    /// The JSON object of a change.
    public static func jsonObject(_ change: SequencedChange) -> [String: Any] {
        [
            "seq": change.sequence, "entity": change.change.entity.rawValue,
            "id": change.change.id.lowercasedText,
            "fields": Dictionary(
                change.change.fields.map { ($0.name, json($0.value)) }, uniquingKeysWith: { _, last in last }),
        ]
    }

    static func json(_ value: FieldValue) -> Any {
        switch value {
        case .null: NSNull()
        case .text(let s): s
        case .integer(let i): i
        case .real(let d): d
        }
    }
}
