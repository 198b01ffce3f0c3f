/// One row: a group's key values, every metric's figure, and CLV and revenue at risk per currency.
public struct ReportRow: Codable, Sendable, Hashable {
    /// Values of the result's `dimensions`, in order; empty for the overall row.
    public var key: [String]
    /// Figures by metric; whole-period-only metrics appear in the overall row only.
    public var metrics: [Metric: Figure]
    /// CLV and revenue at risk of the row's customers, per currency.
    public var customerValue: CustomerValue

    private enum CodingKeys: String, CodingKey {
        case key, metrics, customerValue = "customer_value"
    }

    /// Creates a row.
    public init(key: [String], metrics: [Metric: Figure], customerValue: CustomerValue = CustomerValue()) {
        self.key = key
        self.metrics = metrics
        self.customerValue = customerValue
    }

    /// The figure of a metric.
    public subscript(metric: Metric) -> Figure? { metrics[metric] }
}
