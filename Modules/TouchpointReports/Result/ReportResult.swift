import Foundation

/// A computed report: the whole-period row, one row per group, the trend and the journey map.
public struct ReportResult: Codable, Sendable, Hashable {
    /// The validated request.
    public var request: ReportRequest
    /// When the report was computed.
    public var generatedAt: Date
    /// The period covered: the request's bounds, or the span of the records where a bound was not given; nil without data.
    public var period: DateInterval?
    /// The dimensions of `groups`' keys, in order.
    public var dimensions: [ReportDimension]
    /// Every metric over all selected records, plus churn and retention.
    public var overall: ReportRow
    /// One row per combination of the dimensions' values, in display order.
    public var groups: [ReportRow]
    /// The customer counts behind churn and retention; nil when they do not apply.
    public var retentionCounts: RetentionCounts?
    /// Per-group metrics over time, one series per metric.
    public var trend: [TrendSeries]
    /// The bucket of the trend.
    public var trendUnit: PeriodUnit
    /// Journey stage × touchpoint cells with volume, NPS and CSAT.
    public var journeyMap: [JourneyCell]

    /// The trend series of a metric; nil for whole-period-only metrics.
    public func series(_ metric: Metric) -> TrendSeries? {
        trend.first { $0.metric == metric }
    }

    /// The row of a group, by its key values in `dimensions` order.
    public func group(_ key: String...) -> ReportRow? {
        groups.first { $0.key == key }
    }
}
