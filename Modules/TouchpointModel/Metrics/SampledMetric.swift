/// Defaults for judging whether a sample is large enough to report a precise-looking figure.
public enum SampleSize {
    /// Below this many observations a figure is flagged as a small sample (30, the usual rule of thumb).
    public static let defaultSmallSampleThreshold = 30
}

/// A figure computed from `n` observations, which a report should flag when `n` is small.
public protocol SampledMetric: Sendable {
    /// The number of observations behind the figure.
    var n: Int { get }
}

extension SampledMetric {
    /// Whether fewer than `threshold` observations stand behind the figure, so a report should flag it.
    public func isSmallSample(threshold: Int = SampleSize.defaultSmallSampleThreshold) -> Bool {
        n < threshold
    }
}
