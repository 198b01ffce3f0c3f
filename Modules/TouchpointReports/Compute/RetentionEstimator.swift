import Foundation
import TouchpointModel

/// Estimates churn and retention over a period from customers' current lifecycle.
///
/// Records hold only the current lifecycle, not its history, so the transitions are
/// approximated from activity (interactions, answers and cases opened):
///
/// - prospects are never counted (they are not customers yet);
/// - a customer *joined* on their first activity; one without any activity has been a
///   customer since before any period;
/// - a churned customer was *lost* at their last activity; one without any activity
///   churned before any period;
/// - active at the start = joined before `from` and not lost before `from`; active at the
///   end = joined before `to` and not lost before `to`.
///
/// Churn and retention are computed for the whole period only, and only filters on the
/// customer dimensions (persona, segment) apply to them.
struct RetentionEstimator {
    private let customers: [Customer]
    /// Each customer's first and last activity.
    private let first: [UUID: Date], last: [UUID: Date]

    init(dataset: ReportDataset) {
        var first: [UUID: Date] = [:], last: [UUID: Date] = [:]
        func saw(_ customer: UUID, _ date: Date) {
            first[customer] = min(first[customer] ?? date, date)
            last[customer] = max(last[customer] ?? date, date)
        }
        for interaction in dataset.interactions { saw(interaction.customerID, interaction.occurredAt) }
        for answer in dataset.feedback { saw(answer.customerID, answer.collectedAt) }
        for supportCase in dataset.cases { saw(supportCase.customerID, supportCase.openedAt) }
        self.customers = dataset.customers
        self.first = first
        self.last = last
    }

    func counts(over period: DateInterval, filters: [ReportDimension: Set<String>]) throws(ReportError) -> RetentionCounts {
        let facts = customers.compactMap { customer -> CustomerPeriodFacts? in
            guard customer.lifecycle != .prospect, Self.matches(customer, filters) else { return nil }
            let joined = first[customer.id] ?? .distantPast
            let lost: Date? = customer.lifecycle == .churned ? (last[customer.id] ?? .distantPast) : nil
            func isActive(at date: Date) -> Bool { joined < date && !(lost.map { $0 < date } ?? false) }
            return CustomerPeriodFacts(
                wasActiveAtStart: isActive(at: period.start),
                isActiveAtEnd: isActive(at: period.end),
                joinedDuringPeriod: period.start <= joined && joined < period.end,
                churnedDuringPeriod: lost.map { period.start <= $0 && $0 < period.end } ?? false
            )
        }
        return try MetricCalculator.checked { () throws(ReportError) in try RetentionCounts(customers: facts) }
    }

    /// The expected lifetime from the churn of the customers passing `filters` over `period`;
    /// nil for an empty period.
    func lifetime(over period: DateInterval, filters: [ReportDimension: Set<String>]) throws(ReportError) -> ExpectedLifetime? {
        guard period.duration > 0 else { return nil }
        let counts = try counts(over: period, filters: filters)
        return try MetricCalculator.checked { () throws(ReportError) in
            try ExpectedLifetime(counts, periodDays: period.duration / 86_400)
        }
    }

    /// Whether the customer passes the persona and segment filters.
    private static func matches(_ customer: Customer, _ filters: [ReportDimension: Set<String>]) -> Bool {
        let values: [ReportDimension: String?] = [.persona: customer.persona, .segment: customer.segment]
        return values.allSatisfy { dimension, value in
            filters[dimension].map { $0.contains((value ?? ReportDimension.noValue).lowercased()) } ?? true
        }
    }
}
