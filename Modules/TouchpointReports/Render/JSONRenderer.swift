import Foundation

/// The report as JSON: keys sorted, dates ISO 8601 in UTC with milliseconds; decodes back with ``decode(_:)``.
public struct JSONRenderer: ReportRenderer {
    /// Whether to indent the output.
    public var prettyPrinted: Bool

    /// Creates a JSON renderer.
    public init(prettyPrinted: Bool = true) {
        self.prettyPrinted = prettyPrinted
    }

    public func render(_ result: ReportResult) throws(ReportError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = prettyPrinted ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Self.formatter().string(from: date))
        }
        do {
            return String(decoding: try encoder.encode(result), as: UTF8.self)
        } catch {
            throw ReportError(code: .renderFailed, message: "cannot encode the report as JSON: \(error)")
        }
    }

    /// Decodes a report rendered by this renderer.
    public static func decode(_ json: String) throws -> ReportResult {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = formatter().date(from: text) ?? ISO8601DateFormatter().date(from: text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO 8601 date: \(text)")
            }
            return date
        }
        return try decoder.decode(ReportResult.self, from: Data(json.utf8))
    }

    private static func formatter() -> ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }
}
