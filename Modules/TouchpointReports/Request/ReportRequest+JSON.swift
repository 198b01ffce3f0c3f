import Foundation

/// The JSON forms a report request and its result travel in (the admin `report` request):
/// dates ISO 8601 in UTC with milliseconds, keys sorted.
extension ReportRequest {
    /// Decodes a request written by ``json()``.
    public init(json: String) throws {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = ReportJSON.dateDecoding
        self = try decoder.decode(ReportRequest.self, from: Data(json.utf8))
    }

    /// The request as compact JSON.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = ReportJSON.dateEncoding
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}

extension ReportResult {
    /// Decodes a result written by ``json()`` or ``JSONRenderer``.
    public init(json: String) throws {
        self = try JSONRenderer.decode(json)
    }

    /// The result as compact JSON (``JSONRenderer`` without indentation).
    public func json() throws(ReportError) -> String {
        try JSONRenderer(prettyPrinted: false).render(self)
    }
}

enum ReportJSON {
    static let dateEncoding = JSONEncoder.DateEncodingStrategy.custom { date, encoder in
        var container = encoder.singleValueContainer()
        try container.encode(formatter().string(from: date))
    }

    static let dateDecoding = JSONDecoder.DateDecodingStrategy.custom { decoder in
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = formatter().date(from: text) ?? ISO8601DateFormatter().date(from: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO 8601 date: \(text)")
        }
        return date
    }

    static func formatter() -> ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }
}
