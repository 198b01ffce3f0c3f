import Foundation

/// What to report: the cuts, the period and the filters.
///
/// ```swift
/// let request = try ReportRequest(
///     by: [.channel, .month],
///     from: ReportRequest.parseDate("2026-09-01"), to: ReportRequest.parseDate("2026-12-01"),
///     filters: [.segment: ["smb"]]
/// ).validated()
/// ```
public struct ReportRequest: Sendable, Codable, Hashable {
    /// Zero, one or two dimensions to group rows by.
    public var by: [ReportDimension]
    /// Start of the period, inclusive; nil for "since the first record".
    public var from: Date?
    /// End of the period, exclusive; nil for "up to the last record".
    public var to: Date?
    /// Only records whose value for a dimension is one of the listed values.
    public var filters: [ReportDimension: [String]]
    /// Estimates from fewer answers or cases than this are flagged as small samples.
    public var smallSampleThreshold: Int
    /// The bucket of the trend series; nil picks `week` when cutting by week or when the
    /// period spans at most 16 weeks, `month` otherwise.
    public var trendUnit: PeriodUnit?

    private enum CodingKeys: String, CodingKey {
        case by, from, to, filters, smallSampleThreshold = "small_sample_threshold", trendUnit = "trend_unit"
    }

    /// Creates a request; call ``validated()`` before computing.
    public init(
        by: [ReportDimension] = [], from: Date? = nil, to: Date? = nil, filters: [ReportDimension: [String]] = [:],
        smallSampleThreshold: Int = SampleSize.defaultSmallSampleThreshold, trendUnit: PeriodUnit? = nil
    ) {
        self.by = by
        self.from = from
        self.to = to
        self.filters = filters
        self.smallSampleThreshold = smallSampleThreshold
        self.trendUnit = trendUnit
    }

    /// The request with filter values normalized (`In-Person` → `in_person`, `2026-w7` → `2026-W07`),
    /// or an error naming what is wrong.
    public func validated() throws(ReportError) -> ReportRequest {
        guard by.count <= 2 else {
            throw .invalidRequest("at most two dimensions can be combined, got \(by.count): \(by.map(\.rawValue).joined(separator: ", "))")
        }
        guard Set(by).count == by.count else { throw .invalidRequest("a dimension is repeated in --by") }
        // Reports cover 1970–9999, the range the wire carries.
        if let from { _ = try ReportWire.milliseconds(from, name: "--from") }
        if let to { _ = try ReportWire.milliseconds(to, name: "--to") }
        if let from, let to, from >= to {
            throw .invalidRequest("--from (\(Self.format(from))) must be before --to (\(Self.format(to)))")
        }
        guard smallSampleThreshold >= 1 else { throw .invalidRequest("the small-sample threshold must be at least 1") }
        var copy = self
        for (dimension, values) in filters {
            guard !values.isEmpty else { throw .invalidRequest("the \(dimension.rawValue) filter lists no value") }
            var normalized: [String] = []
            for value in values { normalized.append(try dimension.normalize(value)) }
            copy.filters[dimension] = normalized
        }
        return copy
    }

    /// Encodes every key, `null` for an open bound or an unset trend unit.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeEveryKey([
            .by: by, .from: from, .to: to, .filters: filters, .smallSampleThreshold: smallSampleThreshold, .trendUnit: trendUnit,
        ])
    }

    /// Parses `2026-11-01` (midnight UTC) or an ISO 8601 date-time such as `2026-11-01T09:30:00Z`.
    public static func parseDate(_ text: String) throws(ReportError) -> Date {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let dateOnly = ISO8601DateFormatter()
        dateOnly.formatOptions = [.withFullDate]
        if trimmed.count == 10, let date = dateOnly.date(from: trimmed) { return date }
        if let date = ISO8601DateFormatter().date(from: trimmed) { return date }
        throw .invalidRequest("'\(text)' is not a date like 2026-11-01 or 2026-11-01T09:30:00Z")
    }

    /// Parses a filter written `dimension=value[,value…]`, e.g. `channel=phone,email`.
    public static func parseFilter(_ text: String) throws(ReportError) -> (ReportDimension, [String]) {
        guard let equals = text.firstIndex(of: "=") else {
            throw .invalidRequest("filter '\(text)' is not like dimension=value[,value…]")
        }
        let dimension = try ReportDimension.parse(String(text[..<equals]))
        let values = text[text.index(after: equals)...].split(separator: ",").map(String.init)
        return (dimension, values)
    }

    static func format(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }
}
