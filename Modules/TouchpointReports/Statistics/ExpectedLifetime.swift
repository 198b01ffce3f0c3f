/// How long a customer stays, in years, from the churn of a period: 1 ÷ the annual churn rate, capped.
///
/// The period's churn (customers lost ÷ customers active at its start) is annualised linearly,
/// `churn × 365.25 ÷ days in the period`: customers lost per customer-year. The lifetime is its
/// inverse — a customer lost at a constant rate `r` a year stays `1/r` years on average — but at
/// most ``capYears``: with no churn, or so little that `1/r` exceeds the cap, the lifetime is the
/// cap and ``isCapped`` says so. Thirty days with 2 of 100 customers lost give `r ≈ 0.24` and a
/// lifetime of about 4.1 years.
///
/// ```swift
/// let quarter = try ExpectedLifetime(atStart: 200, lost: 10, periodDays: 91.3125)
/// quarter.annualChurnPercent  // 20.0 (5% a quarter)
/// quarter.years               // 5.0
/// ```
public struct ExpectedLifetime: SampledMetric, Hashable, Sendable {
    /// The longest lifetime reported, 10 years: churn near zero says little about how long customers stay.
    public static let capYears = 10.0
    /// The days of a year that annualise a period's churn (a Julian year).
    public static let daysPerYear = 365.25

    /// Customers active at the start of the period, the base of the churn.
    public let n: Int
    /// Of those, the customers lost during the period.
    public let lost: Int
    /// The length of the period in days.
    public let periodDays: Double

    /// Creates a lifetime from `lost` of `atStart` customers over `periodDays` days.
    ///
    /// Throws `invalidCount` unless `0 ≤ lost ≤ atStart`, `invalidDuration` unless the period
    /// is a positive, finite number of days.
    public init(atStart: Int, lost: Int, periodDays: Double) throws(ReportError) {
        try ReportError.checkCounts(
            ReportError.isCount(atStart) && (0...atStart).contains(lost),
            "lost customers \(lost) must lie between 0 and the \(atStart) active at the start"
        )
        guard periodDays.isFinite, periodDays > 0 else {
            throw ReportError(code: .invalidDuration, message: "a churn period of \(periodDays) days must be positive")
        }
        self.n = atStart
        self.lost = lost
        self.periodDays = periodDays
    }

    /// The lifetime of the customers counted in `counts` over a period of `periodDays` days.
    public init(_ counts: RetentionCounts, periodDays: Double) throws(ReportError) {
        try self.init(atStart: counts.atStart, lost: counts.lost, periodDays: periodDays)
    }

    /// `lost ÷ n × 100`; nil without customers at the start.
    public var periodChurnPercent: Double? {
        n > 0 ? Double(lost) / Double(n) * 100 : nil
    }

    /// The period's churn annualised, `lost ÷ n × 365.25 ÷ periodDays × 100`; it exceeds 100 when
    /// customers stay less than a year. Nil without customers at the start.
    public var annualChurnPercent: Double? {
        periodChurnPercent.map { $0 * Self.daysPerYear / periodDays }
    }

    /// Whether churn is so low (zero included) that the lifetime is the cap.
    public var isCapped: Bool {
        annualChurnPercent.map { $0 / 100 <= 1 / Self.capYears } ?? false
    }

    /// `100 ÷ annualChurnPercent` years, at most ``capYears``; nil without customers at the start.
    public var years: Double? {
        guard let annual = annualChurnPercent else { return nil }
        return isCapped ? Self.capYears : 100 / annual
    }
}

extension ExpectedLifetime: Codable {
    private enum CodingKeys: String, CodingKey {
        case n, lost, periodDays = "period_days", periodChurnPercent = "period_churn_percent"
        case annualChurnPercent = "annual_churn_percent", years, isCapped = "capped"
    }

    /// Encodes the inputs and, for readers of the JSON, what follows from them.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeEveryKey([
            .n: n, .lost: lost, .periodDays: periodDays, .periodChurnPercent: periodChurnPercent,
            .annualChurnPercent: annualChurnPercent, .years: years, .isCapped: isCapped,
        ])
    }

    /// Decodes the inputs and applies the same checks as `init(atStart:lost:periodDays:)`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let n = try container.decode(Int.self, forKey: .n)
        let lost = try container.decode(Int.self, forKey: .lost)
        let periodDays = try container.decode(Double.self, forKey: .periodDays)
        self = try decodeValidated(decoder) { () throws(ReportError) in
            try ExpectedLifetime(atStart: n, lost: lost, periodDays: periodDays)
        }
    }
}
