import Foundation
import TouchpointModel

/// Computes the rows' CLV and revenue at risk per currency, following the rules of ``CustomerValue``.
struct CustomerValueCalculator {
    private let request: ReportRequest
    private let period: DateInterval?
    private let customers: [UUID: Customer]
    private let estimator: RetentionEstimator
    /// The answers that are their customer's latest NPS answer of the period.
    private let latestNPSAnswers: Set<UUID>
    /// The request's persona and segment filters, lowercased: those describe customers.
    private let customerFilters: [ReportDimension: Set<String>]
    /// Lifetimes already computed, by period and customer filters: most rows share one.
    private var lifetimes: [LifetimeKey: ExpectedLifetime?] = [:]

    private struct LifetimeKey: Hashable {
        var period: DateInterval
        var filters: [ReportDimension: Set<String>]
    }

    /// A calculator for a validated `request` whose period is `period`; `facts` are the
    /// facts of the period before the dimension filters.
    init(request: ReportRequest, period: DateInterval?, dataset: ReportDataset, facts: [Fact]) {
        self.request = request
        self.period = period
        self.customers = Dictionary(dataset.customers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.estimator = RetentionEstimator(dataset: dataset)
        self.latestNPSAnswers = Self.latestNPSAnswers(facts)
        self.customerFilters = request.filters
            .filter { $0.key == .persona || $0.key == .segment }
            .mapValues { Set($0.map { $0.lowercased() }) }
    }

    /// The answers among `facts` that are their customer's latest NPS answer; a tie in time goes to the larger id.
    private static func latestNPSAnswers(_ facts: [Fact]) -> Set<UUID> {
        var latest: [UUID: (date: Date, id: String, recordID: UUID)] = [:]
        for fact in facts {
            guard case .answer(.nps, _, _, _) = fact.kind else { continue }
            let candidate = (date: fact.date, id: fact.recordID.uuidString, recordID: fact.recordID)
            if let current = latest[fact.customerID], (current.date, current.id) >= (candidate.date, candidate.id) { continue }
            latest[fact.customerID] = candidate
        }
        return Set(latest.values.map(\.recordID))
    }

    /// The customer value of the row with `key` (values of the request's dimensions) made of `facts`.
    mutating func value(key: [String], facts: some Sequence<Fact>) throws(ReportError) -> CustomerValue {
        var inRow: Set<UUID> = [], atRisk: Set<UUID> = []
        for fact in facts {
            guard let customer = customers[fact.customerID], customer.lifecycle != .prospect else { continue }
            inRow.insert(customer.id)
            // A score off the scale is refused by the NPS figure of the same facts.
            if case .answer(.nps, let score, _, _) = fact.kind, latestNPSAnswers.contains(fact.recordID),
                customer.lifecycle != .churned, (try? NPSBucket(score: score)) == .detractor
            {
                atRisk.insert(customer.id)
            }
        }
        let values = try totals(inRow), risk = try totals(atRisk)
        let lifetime = try lifetime(key)
        let threshold = request.smallSampleThreshold
        let lifetimeIsSmall = lifetime.map { $0.isSmallSample(threshold: threshold) } ?? true
        let currencies = values.currencies.map { code in
            let total = values[code]!
            let mean = total.mean
            return CurrencyValue(
                currency: code,
                meanAnnualValue: .estimate(mean, n: total.n, threshold: threshold),
                clv: Figure(
                    value: lifetime?.years.flatMap { years in mean.map { $0 * years } }, n: total.n,
                    isSmallSample: total.n < threshold || lifetimeIsSmall
                ),
                revenueAtRisk: Figure(value: Double(risk[code]?.sum ?? 0), n: risk[code]?.n ?? 0, isSmallSample: false)
            )
        }
        return CustomerValue(
            customers: inRow.count, withoutValue: values.withoutValue, atRisk: atRisk.count,
            atRiskWithoutValue: risk.withoutValue, lifetime: lifetime, currencies: currencies
        )
    }

    private func totals(_ ids: Set<UUID>) throws(ReportError) -> CurrencyTotals {
        let items = ids.compactMap { customers[$0] }.map { (amount: $0.annualValue, currency: $0.currency) }
        return try MetricCalculator.checked { () throws(ReportError) in try CurrencyTotals(items) }
    }

    /// The lifetime of a row: from the churn of the customers its persona and segment (key and
    /// filters) describe, over its week or month within the period, else the whole period.
    private mutating func lifetime(_ key: [String]) throws(ReportError) -> ExpectedLifetime? {
        guard var interval = period else { return nil }
        var filters = customerFilters
        for (dimension, value) in zip(request.by, key) {
            if dimension == .persona || dimension == .segment {
                filters[dimension] = (filters[dimension] ?? [value.lowercased()]).intersection([value.lowercased()])
            }
            if let unit = dimension.periodUnit {
                guard let bucket = unit.buckets(from: interval.start, to: interval.end).first(where: { $0.label == value }) else {
                    return nil
                }
                interval = DateInterval(start: max(bucket.start, interval.start), end: min(bucket.end, interval.end))
            }
        }
        let cacheKey = LifetimeKey(period: interval, filters: filters)
        if let known = lifetimes[cacheKey] { return known }
        let lifetime = try estimator.lifetime(over: interval, filters: filters)
        lifetimes[cacheKey] = lifetime
        return lifetime
    }
}
