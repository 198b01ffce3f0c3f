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
