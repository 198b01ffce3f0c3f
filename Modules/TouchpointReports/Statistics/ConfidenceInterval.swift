/// A two-sided 95% confidence interval, in the units of the metric it belongs to.
///
/// `center` is what the interval is built around; for Wilson and adjusted-Wald intervals
/// that is pulled toward the middle of the range and differs from the point estimate.
public struct ConfidenceInterval: Sendable, Hashable, Codable {
    /// The normal quantile for a two-sided 95% interval.
    public static let z95 = 1.96

    /// The value the interval is built around.
    public let center: Double
    /// The half-width before clamping: the "±" figure a report prints.
    public let marginOfError: Double
    /// The lower bound, clamped to the metric's range.
    public let lower: Double
    /// The upper bound, clamped to the metric's range.
    public let upper: Double

    /// Creates `center ± marginOfError`, with both bounds clamped to `bounds`.
    public init(center: Double, marginOfError: Double, clampedTo bounds: ClosedRange<Double>) {
        self.center = center
        self.marginOfError = marginOfError
        self.lower = Self.clamp(center - marginOfError, to: bounds)
        self.upper = Self.clamp(center + marginOfError, to: bounds)
    }

    /// Like `init(center:marginOfError:clampedTo:)`, widened to contain `estimate` when rounding left it just outside.
    ///
    /// For intervals that contain their point estimate exactly (Wilson does), this only repairs
    /// floating-point error: at 0 successes `center − marginOfError` can come out as 1e-15, not 0.
    init(center: Double, marginOfError: Double, clampedTo bounds: ClosedRange<Double>, containing estimate: Double) {
        self.center = center
        self.marginOfError = marginOfError
        self.lower = min(Self.clamp(center - marginOfError, to: bounds), estimate)
        self.upper = max(Self.clamp(center + marginOfError, to: bounds), estimate)
    }

    /// Whether `value` lies between the bounds, inclusive.
    public func contains(_ value: Double) -> Bool {
        lower <= value && value <= upper
    }

    private static func clamp(_ value: Double, to bounds: ClosedRange<Double>) -> Double {
        min(max(value, bounds.lowerBound), bounds.upperBound)
    }
}
