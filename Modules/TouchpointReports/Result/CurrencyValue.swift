/// Customer lifetime value and revenue at risk in one currency, in its minor units (cents for EUR).
///
/// Amounts of different currencies are never added: a row has one of these per currency.
public struct CurrencyValue: Codable, Sendable, Hashable {
    /// The ISO 4217 code, e.g. `EUR`.
    public var currency: String
    /// The mean annual value of the row's customers with an annual value in this currency;
    /// `n` is those customers, flagged below the small-sample threshold.
    public var meanAnnualValue: Figure
    /// CLV: the mean annual value × the row's expected lifetime in years; nil without a lifetime.
    /// `n` is the customers behind the mean; flagged when they or the customers behind the
    /// lifetime are fewer than the small-sample threshold.
    public var clv: Figure
    /// Revenue at risk: the annual value of the row's customers whose latest NPS answer is a
    /// detractor (0–6). An exact total, never flagged; `n` is those customers.
    public var revenueAtRisk: Figure

    private enum CodingKeys: String, CodingKey {
        case currency, meanAnnualValue = "mean_annual_value", clv, revenueAtRisk = "revenue_at_risk"
    }

    /// Creates the figures of one currency.
    public init(currency: String, meanAnnualValue: Figure, clv: Figure, revenueAtRisk: Figure) {
        self.currency = currency
        self.meanAnnualValue = meanAnnualValue
        self.clv = clv
        self.revenueAtRisk = revenueAtRisk
    }
}
