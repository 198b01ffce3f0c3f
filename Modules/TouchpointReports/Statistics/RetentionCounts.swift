/// Customer counts over a period, from which retention and churn follow.
///
/// Retention = (customers at end − new customers) ÷ customers at start; churn = lost ÷
/// customers at start. `n` is the number of customers at the start.
///
/// ```swift
/// let counts = try RetentionCounts(atStart: 200, atEnd: 210, new: 30, lost: 20)
/// counts.retentionPercent  // 90.0
/// counts.churnPercent      // 10.0
/// ```
public struct RetentionCounts: SampledMetric, Hashable, Codable {
    /// Customers active when the period starts.
    public let atStart: Int
    /// Customers active when the period ends.
    public let atEnd: Int
    /// Customers who joined during the period and are active at its end.
    public let new: Int
    /// Customers active at the start who churned during the period.
    public let lost: Int

    private enum CodingKeys: String, CodingKey {
        case atStart = "at_start", atEnd = "at_end", new, lost
    }

    /// The customers the rates are shares of: those at the start.
    public var n: Int { atStart }

    /// Uses counts computed elsewhere; throws `invalidCount` if they are negative or contradict each other.
    ///
    /// The checks: `new ≤ atEnd`, and the customers kept (`atEnd − new`) plus those `lost`
    /// cannot outnumber those at the start — otherwise retention + churn would exceed 100%.
    public init(atStart: Int, atEnd: Int, new: Int, lost: Int) throws(ReportError) {
        try ReportError.checkCounts(
            [atStart, atEnd, new, lost].allSatisfy(ReportError.isCount)
                && new <= atEnd && (atEnd - new) + lost <= atStart,
            "retention counts contradict each other (start \(atStart), end \(atEnd), new \(new), lost \(lost))"
        )
        self.atStart = atStart
        self.atEnd = atEnd
        self.new = new
        self.lost = lost
    }

    /// Counts per-customer facts; throws `inconsistentFacts` for a customer whose facts contradict each other.
    ///
    /// `new` counts customers who joined and are active at the end, and `lost` customers
    /// active at the start who churned: someone who joined and left within the period is in
    /// neither, so does not distort either rate. With consistent facts, retention + churn = 100%.
    public init(customers: some Sequence<CustomerPeriodFacts>) throws(ReportError) {
        var atStart = 0, atEnd = 0, new = 0, lost = 0
        for (index, customer) in customers.enumerated() {
            guard customer.isConsistent else {
                throw ReportError(code: .inconsistentFacts, message: "customer #\(index): \(customer) is not a possible lifecycle")
            }
            if customer.wasActiveAtStart { atStart += 1 }
            if customer.isActiveAtEnd { atEnd += 1 }
            if customer.joinedDuringPeriod && customer.isActiveAtEnd { new += 1 }
            if customer.wasActiveAtStart && customer.churnedDuringPeriod { lost += 1 }
        }
        try self.init(atStart: atStart, atEnd: atEnd, new: new, lost: lost)
    }

    /// Decodes the counts and applies the same checks as `init(atStart:atEnd:new:lost:)`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let atStart = try container.decode(Int.self, forKey: .atStart)
        let atEnd = try container.decode(Int.self, forKey: .atEnd)
        let new = try container.decode(Int.self, forKey: .new)
        let lost = try container.decode(Int.self, forKey: .lost)
        self = try decodeValidated(decoder) { () throws(ReportError) in
            try RetentionCounts(atStart: atStart, atEnd: atEnd, new: new, lost: lost)
        }
    }

    /// `(atEnd − new) ÷ atStart × 100`; nil when there were no customers at the start.
    public var retentionPercent: Double? {
        percentOfStart(atEnd - new)
    }

    /// `lost ÷ atStart × 100`; nil when there were no customers at the start.
    public var churnPercent: Double? {
        percentOfStart(lost)
    }

    private func percentOfStart(_ count: Int) -> Double? {
        atStart > 0 ? Double(count) / Double(atStart) * 100 : nil
    }
}
