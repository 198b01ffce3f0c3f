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
        encoder.dateEncodingStrategy = ReportJSON.dateEncoding
        do {
            return String(decoding: try encoder.encode(result), as: UTF8.self)
        } catch {
            throw ReportError(code: .renderFailed, message: "cannot encode the report as JSON: \(error)")
        }
    }

    /// Decodes a report rendered by this renderer.
    public static func decode(_ json: String) throws -> ReportResult {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = ReportJSON.dateDecoding
        return try decoder.decode(ReportResult.self, from: Data(json.utf8))
    }
}
