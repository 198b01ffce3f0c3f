import Foundation

/// Computes CX reports from merged records.
///
/// ```swift
/// let dataset = ReportDataset(customers: …, interactions: …, cases: …, feedback: …, followUps: …, agents: …)
/// let result = try ReportEngine.compute(ReportRequest(by: [.channel]), on: dataset)
/// print(try TableRenderer(width: 100).render(result))
/// ```
public enum ReportEngine {
    /// Validates the request and computes the report: overall row, group rows, trend and journey map.
    public static func compute(
        _ request: ReportRequest, on dataset: ReportDataset, generatedAt: Date = Date()
    ) throws(ReportError) -> ReportResult {
        let request = try request.validated()
        let filters = request.filters.mapValues { Set($0.map { $0.lowercased() }) }
        let inPeriod = Attribution(dataset).facts().filter { fact in
            (request.from.map { fact.date >= $0 } ?? true) && (request.to.map { fact.date < $0 } ?? true)
        }
        let selected = inPeriod.filter { $0.matches(filters) }
        let period = effectivePeriod(request, selected)
        let calculator = MetricCalculator(threshold: request.smallSampleThreshold)
        var values = CustomerValueCalculator(request: request, period: period, dataset: dataset, facts: inPeriod)

        var overall = ReportRow(
            key: [], metrics: try calculator.figures(selected), customerValue: try values.value(key: [], facts: selected))
        var retentionCounts: RetentionCounts?
        let customerDimensions: Set<ReportDimension> = [.persona, .segment]
        if let period, Set(filters.keys).isSubset(of: customerDimensions) {
            let counts = try RetentionEstimator(dataset: dataset).counts(over: period, filters: filters)
            retentionCounts = counts
            overall.metrics.merge(calculator.retention(counts)) { _, new in new }
        }

        let buckets: (PeriodUnit) -> [PeriodBucket] = { unit in
            period.map { unit.buckets(from: $0.start, to: $0.end) } ?? []
        }
        let trendUnit = request.trendUnit ?? defaultTrendUnit(request, period)
        return ReportResult(
            request: request, generatedAt: generatedAt, period: period, dimensions: request.by, overall: overall,
            groups: try groupRows(request, selected, calculator, &values, buckets), retentionCounts: retentionCounts,
            trend: try trend(selected, unit: trendUnit, buckets: buckets(trendUnit), calculator),
            trendUnit: trendUnit, journeyMap: try journeyMap(selected, calculator)
        )
    }

    /// The request's bounds, with missing ones taken from the selected records' span.
    ///
    /// A missing end is the millisecond after the last record's: a whole millisecond, the
    /// precision of the wire, so a report computed by the server equals one computed here.
    private static func effectivePeriod(_ request: ReportRequest, _ facts: [Fact]) -> DateInterval? {
        let dates = facts.map(\.date)
        guard let start = request.from ?? dates.min(),
            let end = request.to ?? dates.max().map({ last in
                Date(timeIntervalSince1970: ((last.timeIntervalSince1970 * 1000).rounded(.down) + 1) / 1000)
            })
        else { return nil }
        return start < end ? DateInterval(start: start, end: end) : nil
    }

    private static func defaultTrendUnit(_ request: ReportRequest, _ period: DateInterval?) -> PeriodUnit {
        if request.by.contains(.week) { return .week }
        if request.by.contains(.month) { return .month }
        guard let period else { return .month }
        return period.duration <= 16 * 7 * 86_400 ? .week : .month
    }

    /// One row per combination of the dimensions' values, empty combinations included.
    ///
    /// A dimension's values are the filter's values when it is filtered; otherwise the values
    /// seen in the selected records, plus every bucket of the period for `week` and `month`.
    private static func groupRows(
        _ request: ReportRequest, _ facts: [Fact], _ calculator: MetricCalculator, _ values: inout CustomerValueCalculator,
        _ buckets: (PeriodUnit) -> [PeriodBucket]
    ) throws(ReportError) -> [ReportRow] {
        guard !request.by.isEmpty else { return [] }
        let valueLists = request.by.map { dimension -> [String] in
            var values = Set(request.filters[dimension] ?? facts.map { $0.key(dimension) })
            if request.filters[dimension] == nil, let unit = dimension.periodUnit {
                values.formUnion(buckets(unit).map(\.label))
            }
            return values.sorted { dimension.sortKey($0) < dimension.sortKey($1) }
        }
        let grouped = Dictionary(grouping: facts) { fact in request.by.map { fact.key($0) } }
        let keys = valueLists.reduce([[String]()]) { partial, values in
            partial.flatMap { prefix in values.map { prefix + [$0] } }
        }
        var rows: [ReportRow] = []
        for key in keys {
            let facts = grouped[key] ?? []
            rows.append(ReportRow(key: key, metrics: try calculator.figures(facts), customerValue: try values.value(key: key, facts: facts)))
        }
        return rows
    }

    private static func trend(
        _ facts: [Fact], unit: PeriodUnit, buckets: [PeriodBucket], _ calculator: MetricCalculator
    ) throws(ReportError) -> [TrendSeries] {
        let dimension: ReportDimension = unit == .week ? .week : .month
        let grouped = Dictionary(grouping: facts) { $0.key(dimension) }
        var perBucket: [[Metric: Figure]] = []
        for bucket in buckets {
            perBucket.append(try calculator.figures(grouped[bucket.label] ?? []))
        }
        return Metric.perGroup.map { metric in
            TrendSeries(
                metric: metric,
                points: zip(buckets, perBucket).map { TrendPoint(period: $0, figure: $1[metric]!) }
            )
        }
    }

    /// Cells for every journey stage and touchpoint with interactions or answers, in journey order.
    private static func journeyMap(_ facts: [Fact], _ calculator: MetricCalculator) throws(ReportError) -> [JourneyCell] {
        let relevant = facts.filter { fact in
            switch fact.kind {
            case .interaction, .answer: fact.key(.stage) != ReportDimension.noValue && fact.key(.touchpoint) != ReportDimension.noValue
            default: false
            }
        }
        let grouped = Dictionary(grouping: relevant) { [$0.key(.stage), $0.key(.touchpoint)] }
        let cellKeys = grouped.keys.sorted { a, b in
            let (stageA, stageB) = (ReportDimension.stage.sortKey(a[0]), ReportDimension.stage.sortKey(b[0]))
            return (stageA.0, stageA.1, a[1]) < (stageB.0, stageB.1, b[1])
        }
        var cells: [JourneyCell] = []
        for key in cellKeys {
            let figures = try calculator.figures(grouped[key]!)
            cells.append(
                JourneyCell(
                    stage: key[0], touchpoint: key[1], interactions: Int(figures[.interactions]!.value!),
                    nps: figures[.nps]!, csat: figures[.csat]!
                )
            )
        }
        return cells
    }
}
