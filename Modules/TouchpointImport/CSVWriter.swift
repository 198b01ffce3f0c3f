import Foundation

/// Formats CSV records the way ``CSVReader`` reads them (RFC 4180, LF line ends).
public enum CSVWriter {
    /// One record with its line end; nil and empty fields are written empty.
    public static func record(_ fields: [String?]) -> String {
        fields.map { quoted($0 ?? "") }.joined(separator: ",") + "\n"
    }

    /// A field, quoted when it holds a comma, a quote, a line break or edge spaces.
    public static func quoted(_ field: String) -> String {
        let needsQuotes = field.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            || field.first == " " || field.last == " "
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
