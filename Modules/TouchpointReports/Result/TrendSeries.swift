/// A metric over time: one point per bucket, empty buckets included (with nil values).
public struct TrendSeries: Codable, Sendable, Hashable {
    /// The metric.
    public var metric: Metric
    /// One point per bucket, in order.
    public var points: [TrendPoint]
}
