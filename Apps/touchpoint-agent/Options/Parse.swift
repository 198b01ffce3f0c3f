import Foundation
import TouchpointCLI
import TouchpointModel
import TouchpointStore

/// Parses option values that the argument parser leaves as text, with one-line errors.
///
/// Text the CLI cannot read names the option (`--at: not a date: 'soon' …`); a value a
/// record refuses names the record's field as `entity.field` (`interaction.channel:
/// unknown channel 'fax' …`), as the model's checks and `import` do.
enum Parse {
    /// Runs `parse`, naming `field` (`entity.field`) in the ``TouchpointModel/ValidationError`` it throws.
    static func field<T>(_ field: String, _ parse: () throws -> T) throws -> T {
        do {
            return try parse()
        } catch var error as TouchpointModel.ValidationError {
            error.field = field
            throw error
        }
    }

    /// A value of a vocabulary for `field` (`entity.field`); nil stays nil.
    static func vocabulary<V: Vocabulary>(_ type: V.Type, _ text: String?, field: String) throws -> V? {
        try text.map { text in try self.field(field) { try V.parse(text) } }
    }

    /// A value of a vocabulary for `field` (`entity.field`).
    static func vocabulary<V: Vocabulary>(_ type: V.Type, _ text: String, field: String) throws -> V {
        try self.field(field) { try V.parse(text) }
    }

    /// Throws a ``TouchpointModel/ValidationError`` naming `field` when a referenced record belongs to another customer.
    static func sameCustomer(_ belongs: Bool, field: String, _ message: @autoclosure () -> String) throws {
        if !belongs { throw TouchpointModel.ValidationError(field: field, message: message()) }
    }

    /// An ISO 8601 date-time or epoch milliseconds; nil stays nil.
    static func date(_ text: String?, option: String) throws -> Date? {
        guard let text else { return nil }
        guard let date = Timestamp.date(text.trimmingCharacters(in: .whitespaces)) else {
            throw CLIError("\(option): not a date: '\(text)' (give ISO 8601, e.g. 2025-06-15T14:30:00Z, or epoch milliseconds)")
        }
        return date
    }

    /// A full UUID; nil stays nil.
    static func uuid(_ text: String?, option: String) throws -> UUID? {
        guard let text else { return nil }
        guard let id = UUID(uuidString: text.trimmingCharacters(in: .whitespaces)) else {
            throw CLIError("\(option): not a UUID: '\(text)'")
        }
        return id
    }

    /// Seconds from `90`, `90s`, `5m`, `1h30m`.
    static func duration(_ text: String) throws -> Int {
        let units: [Character: Int] = ["h": 3600, "m": 60, "s": 1]
        var total = 0
        var number = ""
        for c in text.lowercased() where c != " " {
            if c.isASCII, c.isNumber {
                number.append(c)
            } else if let unit = units[c], let n = Int(number) {
                total += n * unit
                number = ""
            } else {
                throw CLIError("--duration: not a duration: '\(text)' (e.g. 90, 90s, 5m, 1h30m)")
            }
        }
        if !number.isEmpty { total += Int(number) ?? 0 }
        return total
    }
}
