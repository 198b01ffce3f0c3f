/// A share of successes among `n` observations with its Wilson 95% interval, for CSAT and first-contact resolution.
///
/// ```swift
/// let csat = try ProportionEstimate(successes: 8, n: 10)
/// csat.percent                 // 80.0
/// csat.wilsonInterval?.lower   // ≈ 49.02
/// csat.wilsonInterval?.upper   // ≈ 94.33
/// ```
public struct ProportionEstimate: SampledMetric, Hashable, Codable {
    /// The range of `percent` and of the interval bounds.
    public static let percentRange: ClosedRange<Double> = 0...100

    /// Observations that count as a success (for example CSAT answers of 4–5).
    public let successes: Int
    /// All observations.
    public let n: Int

    /// Creates an estimate; throws `invalidCount` unless `0 ≤ successes ≤ n`.
    public init(successes: Int, n: Int) throws(ReportError) {
        try ReportError.checkCounts(
            ReportError.isCount(n) && (0...n).contains(successes),
            "successes \(successes) must lie between 0 and n = \(n)"
        )
        self.init(checkedSuccesses: successes, n: n)
    }

    /// Creates an estimate whose counts the caller has already established as valid.
    init(checkedSuccesses successes: Int, n: Int) {
        assert(successes >= 0 && successes <= n)
        self.successes = successes
        self.n = n
    }

    /// Decodes the counts and applies the same checks as `init(successes:n:)`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let successes = try container.decode(Int.self, forKey: .successes)
        let n = try container.decode(Int.self, forKey: .n)
        self = try decodeValidated(decoder) { () throws(ReportError) in
            try ProportionEstimate(successes: successes, n: n)
        }
    }

    /// `successes ÷ n`, 0…1; nil when `n` is 0.
    public var proportion: Double? {
        n > 0 ? Double(successes) / Double(n) : nil
    }

    /// `successes ÷ n × 100`; nil (not 0) when `n` is 0.
    public var percent: Double? {
        proportion.map { $0 * 100 }
    }

    /// The Wilson score 95% interval in percent; nil when `n` is 0.
    ///
    /// With `p̂ = successes/n` and `z = 1.96`, the centre is `(p̂ + z²/2n) / (1 + z²/n)` and the
    /// half-width `z/(1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²)`. Unlike `p̂ ± z·√(p̂(1 − p̂)/n)` it
    /// stays inside 0…100 and does not collapse to zero width at 0% or 100%.
    public var wilsonInterval: ConfidenceInterval? {
        guard let p = proportion else { return nil }
        let n = Double(self.n)
        let z = ConfidenceInterval.z95
        let zz = z * z
        let denominator = 1 + zz / n
        let center = (p + zz / (2 * n)) / denominator
        let halfWidth = z / denominator * (p * (1 - p) / n + zz / (4 * n * n)).squareRoot()
        return ConfidenceInterval(
            center: center * 100,
            marginOfError: halfWidth * 100,
            clampedTo: Self.percentRange,
            containing: p * 100
        )
    }
}
