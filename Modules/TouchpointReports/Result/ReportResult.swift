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

extension ReportResult {
    private enum CodingKeys: String, CodingKey {
        case request, generatedAt = "generated_at", period, dimensions, overall, groups
        case retentionCounts = "retention_counts", trend, trendUnit = "trend_unit", journeyMap = "journey_map"
    }

    /// The period as its bounds: `start` inclusive, `end` exclusive.
    private struct Period: Codable {
        var start: Date
        var end: Date
    }

    /// Encodes every key, `null` for a missing period or retention counts.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeEveryKey([
            .request: request, .generatedAt: generatedAt, .period: period.map { Period(start: $0.start, end: $0.end) },
            .dimensions: dimensions, .overall: overall, .groups: groups, .retentionCounts: retentionCounts, .trend: trend,
            .trendUnit: trendUnit, .journeyMap: journeyMap,
        ])
    }

    /// Decodes what ``encode(to:)`` writes; a period that ends before it starts is refused.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let period = try container.decodeIfPresent(Period.self, forKey: .period)
        if let period, period.end < period.start {
            throw DecodingError.dataCorruptedError(forKey: .period, in: container, debugDescription: "the period ends before it starts")
        }
        self.init(
            request: try container.decode(ReportRequest.self, forKey: .request),
            generatedAt: try container.decode(Date.self, forKey: .generatedAt),
            period: period.map { DateInterval(start: $0.start, end: $0.end) },
            dimensions: try container.decode([ReportDimension].self, forKey: .dimensions),
            overall: try container.decode(ReportRow.self, forKey: .overall),
            groups: try container.decode([ReportRow].self, forKey: .groups),
            retentionCounts: try container.decodeIfPresent(RetentionCounts.self, forKey: .retentionCounts),
            trend: try container.decode([TrendSeries].self, forKey: .trend),
            trendUnit: try container.decode(PeriodUnit.self, forKey: .trendUnit),
            journeyMap: try container.decode([JourneyCell].self, forKey: .journeyMap)
        )
    }
}
