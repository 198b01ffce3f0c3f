import Foundation
import TouchpointProtocol

extension Touchpoint_V1_ReportResponse {
    /// The wire form of a computed report: the one place a result becomes a message.
    ///
    /// The trend travels per bucket (every metric's figure of that bucket), not per metric.
    /// Throws `invalidRequest` only for a date the wire cannot carry (before 1970 or after 9999).
    public init(_ result: ReportResult) throws(ReportError) {
        self.init()
        request = try Touchpoint_V1_ReportRequest(result.request)
        generatedAtMs = try ReportWire.milliseconds(result.generatedAt, name: "generated at")
        if let period = result.period {
            self.period.startMs = try ReportWire.milliseconds(period.start, name: "the period's start")
            self.period.endMs = try ReportWire.milliseconds(period.end, name: "the period's end")
        }
        dimensions = result.dimensions.map(\.wire)
        overall = Touchpoint_V1_ReportRow(result.overall)
        groups = result.groups.map(Touchpoint_V1_ReportRow.init)
        if let counts = result.retentionCounts { retentionCounts = Touchpoint_V1_ReportRetentionCounts(counts) }
        trendUnit = result.trendUnit.wire
        for (index, bucket) in (result.trend.first?.points ?? []).map(\.period).enumerated() {
            var point = Touchpoint_V1_ReportTrendPoint()
            point.period.label = bucket.label
            point.period.startMs = try ReportWire.milliseconds(bucket.start, name: "trend bucket \(bucket.label)")
            point.period.endMs = try ReportWire.milliseconds(bucket.end, name: "trend bucket \(bucket.label)")
            var figures: [Metric: Figure] = [:]
            for series in result.trend where series.points.indices.contains(index) {
                figures[series.metric] = series.points[index].figure
            }
            point.figures = Touchpoint_V1_ReportFigures(figures)
            trend.append(point)
        }
        journeyMap = result.journeyMap.map(Touchpoint_V1_ReportJourneyCell.init)
    }
}

extension ReportResult {
    /// Reads a computed report from the wire: the one place a message becomes a result.
    ///
    /// Throws `INVALID_ARGUMENT` naming the field for anything a renderer could not show
    /// safely: unknown enum values, out-of-range times and counts, non-finite figures, a
    /// period that ends before it starts, keys that do not match the dimensions, or a trend
    /// bucket without a figure for every per-group metric.
    public init(wire: Touchpoint_V1_ReportResponse) throws(ProtocolError) {
        var dimensions: [ReportDimension] = []
        for dimension in wire.dimensions {
            dimensions.append(try ReportDimension(wire: dimension, field: "report.dimensions"))
        }
        var groups: [ReportRow] = []
        for (index, group) in wire.groups.enumerated() {
            groups.append(try ReportRow(wire: group, keyCount: dimensions.count, field: "report.groups[\(index)]"))
        }
        guard let trendUnit = try PeriodUnit.from(wire: wire.trendUnit, field: "report.trend_unit") else {
            throw ProtocolError(.invalidArgument, "report.trend_unit is not set", details: ["field": "report.trend_unit"])
        }
        var journeyMap: [JourneyCell] = []
        for (index, cell) in wire.journeyMap.enumerated() {
            journeyMap.append(try JourneyCell(wire: cell, field: "report.journey_map[\(index)]"))
        }
        self.init(
            request: try ReportRequest(wire: wire.request),
            generatedAt: try ReportWire.date(wire.generatedAtMs, field: "report.generated_at_ms"),
            period: wire.hasPeriod ? try Self.period(wire.period) : nil,
            dimensions: dimensions,
            overall: try ReportRow(wire: wire.overall, keyCount: 0, field: "report.overall"),
            groups: groups,
            retentionCounts: wire.hasRetentionCounts
                ? try RetentionCounts(wire: wire.retentionCounts, field: "report.retention_counts") : nil,
            trend: try Self.trend(wire.trend),
            trendUnit: trendUnit,
            journeyMap: journeyMap
        )
    }

    private static func period(_ wire: Touchpoint_V1_ReportPeriod) throws(ProtocolError) -> DateInterval {
        let start = try ReportWire.date(wire.startMs, field: "report.period.start_ms")
        let end = try ReportWire.date(wire.endMs, field: "report.period.end_ms")
        guard start <= end else {
            throw ProtocolError(.invalidArgument, "report.period ends before it starts", details: ["field": "report.period"])
        }
        return DateInterval(start: start, end: end)
    }

    /// One series per per-group metric, from the per-bucket points of the wire.
    private static func trend(_ wire: [Touchpoint_V1_ReportTrendPoint]) throws(ProtocolError) -> [TrendSeries] {
        var buckets: [PeriodBucket] = []
        var figures: [[Metric: Figure]] = []
        for (index, point) in wire.enumerated() {
            let field = "report.trend[\(index)]"
            buckets.append(PeriodBucket(
                label: point.period.label,
                start: try ReportWire.date(point.period.startMs, field: "\(field).period.start_ms"),
                end: try ReportWire.date(point.period.endMs, field: "\(field).period.end_ms")
            ))
            let pointFigures = try point.figures.figures(field: "\(field).figures")
            for metric in Metric.perGroup where pointFigures[metric] == nil {
                throw ProtocolError(.invalidArgument, "\(field) has no \(metric.rawValue) figure", details: ["field": field])
            }
            figures.append(pointFigures)
        }
        return Metric.perGroup.map { metric in
            TrendSeries(metric: metric, points: zip(buckets, figures).map { TrendPoint(period: $0, figure: $1[metric]!) })
        }
    }
}
