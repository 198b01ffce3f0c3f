/// Customer lifetime value and revenue at risk of one row, per currency.
///
/// A row's customers are those (prospects aside) with a record in it: an interaction, a survey
/// answer or a case, as the row's other figures count them. CLV = mean annual value × expected
/// lifetime, the lifetime coming from the churn of the customers the row's persona and segment
/// describe over the row's period (its week or month, else the report's period); see
/// ``ExpectedLifetime``. Revenue at risk counts each customer once, in the row of their latest
/// NPS answer of the period, when that answer is a detractor (0–6) and they have not churned.
public struct CustomerValue: Codable, Sendable, Hashable {
    /// Customers with a record in the row, prospects aside.
    public var customers: Int
    /// Of those, customers left out of every amount: no annual value or no currency.
    public var withoutValue: Int
    /// Customers at risk: their latest NPS answer of the period is a detractor and credited to this row.
    public var atRisk: Int
    /// Of those, customers left out of revenue at risk: no annual value or no currency.
    public var atRiskWithoutValue: Int
    /// The expected lifetime behind CLV; nil without a period.
    public var lifetime: ExpectedLifetime?
    /// One entry per currency, by code.
    public var currencies: [CurrencyValue]

    private enum CodingKeys: String, CodingKey {
        case customers, withoutValue = "without_value", atRisk = "at_risk", atRiskWithoutValue = "at_risk_without_value"
        case lifetime, currencies
    }

    /// Encodes every key, `lifetime` `null` without one.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeEveryKey([
            .customers: customers, .withoutValue: withoutValue, .atRisk: atRisk, .atRiskWithoutValue: atRiskWithoutValue,
            .lifetime: lifetime, .currencies: currencies,
        ])
    }

    /// Creates a row's customer value.
    public init(
        customers: Int = 0, withoutValue: Int = 0, atRisk: Int = 0, atRiskWithoutValue: Int = 0,
        lifetime: ExpectedLifetime? = nil, currencies: [CurrencyValue] = []
    ) {
        self.customers = customers
        self.withoutValue = withoutValue
        self.atRisk = atRisk
        self.atRiskWithoutValue = atRiskWithoutValue
        self.lifetime = lifetime
        self.currencies = currencies
    }

    /// The figures of a currency (ISO 4217 code, any case).
    public subscript(currency: String) -> CurrencyValue? {
        currencies.first { $0.currency == currency.uppercased() }
    }
}
