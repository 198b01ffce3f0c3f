/// One row: a group's key values and every metric's figure.
public struct ReportRow: Codable, Sendable, Hashable {
    /// Values of the result's `dimensions`, in order; empty for the overall row.
    public var key: [String]
    /// Figures by metric; whole-period-only metrics appear in the overall row only.
    public var metrics: [Metric: Figure]

    /// Creates a row.
    public init(key: [String], metrics: [Metric: Figure]) {
        self.key = key
        self.metrics = metrics
    }

    /// The figure of a metric.
    public subscript(metric: Metric) -> Figure? { metrics[metric] }
}
