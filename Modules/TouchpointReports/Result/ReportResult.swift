import Foundation
import TouchpointModel

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

/// One row: a group's key values and every metric's figure.
public struct ReportRow: Codable, Sendable, Hashable {
    /// Values of the result's `dimensions`, in order; empty for the overall row.
    public var key: [String]
    /// Figures by metric; whole-period-only metrics appear in the overall row only.
    public var metrics: [Metric: Figure]

    /// Creates a row.
    public init(key: [String], metrics: [Metric: Figure]) {
        self.key = key
        self.metrics = metrics
    }

    /// The figure of a metric.
    public subscript(metric: Metric) -> Figure? { metrics[metric] }
}

/// A metric over time: one point per bucket, empty buckets included (with nil values).
public struct TrendSeries: Codable, Sendable, Hashable {
    /// The metric.
    public var metric: Metric
    /// One point per bucket, in order.
    public var points: [TrendPoint]
}

/// A metric's figure in one period bucket.
public struct TrendPoint: Codable, Sendable, Hashable {
    /// The bucket.
    public var period: PeriodBucket
    /// The figure in that bucket.
    public var figure: Figure
}

/// One cell of the journey map: a journey stage and touchpoint, with volume and scores.
public struct JourneyCell: Codable, Sendable, Hashable {
    /// Journey stage raw value, e.g. `onboarding`.
    public var stage: String
    /// Touchpoint slug, e.g. `billing`.
    public var touchpoint: String
    /// Interactions at this stage and touchpoint.
    public var interactions: Int
    /// NPS of the answers attributed here.
    public var nps: Figure
    /// CSAT of the answers attributed here.
    public var csat: Figure
}
