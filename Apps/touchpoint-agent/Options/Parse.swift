import Foundation
import TouchpointCLI
import TouchpointStore

/// Parses option values that the argument parser leaves as text, with one-line errors.
enum Parse {
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
