/// One metric's value in one row, with the sample behind it.
///
/// `value` is nil when nothing backs it (no answers, no resolved case) — never a made-up 0.
/// Counts are exact: their `value` is the count, 0 included, and they are never flagged.
public struct Figure: Codable, Sendable, Hashable {
    /// The figure in the metric's unit; nil without data.
    public var value: Double?
    /// The answers, cases or customers behind it.
    public var n: Int
    /// The 95% margin of error ("±"), for NPS, CSAT, FCR and reopen rate.
    public var marginOfError: Double?
    /// The 95% interval's lower bound.
    public var lower: Double?
    /// The 95% interval's upper bound.
    public var upper: Double?
    /// Whether `n` is below the request's threshold: the figure is indicative only.
    public var isSmallSample: Bool

    /// Creates a figure.
    public init(
        value: Double?, n: Int, marginOfError: Double? = nil, lower: Double? = nil, upper: Double? = nil,
        isSmallSample: Bool
    ) {
        self.value = value
        self.n = n
        self.marginOfError = marginOfError
        self.lower = lower
        self.upper = upper
        self.isSmallSample = isSmallSample
    }

    private enum CodingKeys: String, CodingKey {
        case value, n, marginOfError = "margin_of_error", lower, upper, isSmallSample = "small_sample"
    }

    /// Encodes every key, `null` where there is no value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeEveryKey([
            .value: value, .n: n, .marginOfError: marginOfError, .lower: lower, .upper: upper, .isSmallSample: isSmallSample,
        ])
    }

    /// An exact count.
    static func count(_ count: Int, of n: Int? = nil) -> Figure {
        Figure(value: Double(count), n: n ?? count, isSmallSample: false)
    }

    /// An estimate with an optional interval.
    static func estimate(
        _ value: Double?, n: Int, interval: ConfidenceInterval? = nil, threshold: Int
    ) -> Figure {
        Figure(
            value: value, n: n, marginOfError: interval?.marginOfError, lower: interval?.lower, upper: interval?.upper,
            isSmallSample: n < threshold
        )
    }
}
