/// Text for CLV and revenue at risk, shared by the table and HTML renderers.
extension FigureFormat {
    /// How CLV and revenue at risk are computed, in one paragraph.
    static let customerValueMethod = """
        CLV = mean annual value × expected lifetime; lifetime = 1 ÷ annual churn (the period's churn \
        × 365.25 ÷ its days), at most \(Int(ExpectedLifetime.capYears)) years ("cap": churn zero or \
        near zero). Revenue at risk = annual value of the customers whose latest NPS answer is 0–6. \
        Per currency, never added across currencies.
        """

    /// `45000 EUR n=10*`: CLV in whole units with its sample; `—` without a value.
    static func clv(_ value: CurrencyValue) -> String {
        money(value.clv, value.currency, wholeUnits: true)
    }

    /// `9000.00 EUR n=10*`: the mean annual value with its sample.
    static func meanAnnualValue(_ value: CurrencyValue) -> String {
        money(value.meanAnnualValue, value.currency, wholeUnits: false)
    }

    /// `4500.00 EUR n=2`: revenue at risk and the customers behind it.
    static func revenueAtRisk(_ value: CurrencyValue) -> String {
        money(value.revenueAtRisk, value.currency, wholeUnits: false)
    }

    /// `5.0y n=40`, `0.31y n=4*`, `10.0y cap n=40`, with `*` for a small sample; `—` without a lifetime.
    static func lifetime(_ lifetime: ExpectedLifetime?, threshold: Int) -> String {
        guard let lifetime, let years = lifetime.years else { return missing }
        let cap = lifetime.isCapped ? " cap" : ""
        return "\(fixed(years, years < 1 ? 2 : 1))y\(cap) n=\(lifetime.n)" + (lifetime.isSmallSample(threshold: threshold) ? "*" : "")
    }

    /// `churn 20.0%/year: 10 of 200 lost in 91 days`, what a lifetime comes from.
    static func lifetimeSource(_ lifetime: ExpectedLifetime?) -> String {
        guard let lifetime, let annual = lifetime.annualChurnPercent else {
            return "no lifetime: no customer was active at the start of the period"
        }
        return "churn \(fixed(annual, 1))%/year: \(lifetime.lost) of \(lifetime.n) lost in \(fixed(lifetime.periodDays, 0)) days"
            + (lifetime.isCapped ? ", capped at \(Int(ExpectedLifetime.capYears)) years" : "")
    }

    /// `2 of 12 customers without an annual value or currency left out.`, or nil when none is.
    static func withoutValue(_ value: CustomerValue) -> String? {
        var parts: [String] = []
        if value.withoutValue > 0 {
            parts.append("\(value.withoutValue) of \(value.customers) customers without an annual value or currency left out of CLV")
        }
        if value.atRiskWithoutValue > 0 {
            parts.append("\(value.atRiskWithoutValue) of \(value.atRisk) at risk left out of revenue at risk")
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ") + "."
    }

    private static func money(_ figure: Figure, _ currency: String, wholeUnits: Bool) -> String {
        guard let value = figure.value else { return missing }
        return MoneyFormat.amount(value, currency, wholeUnits: wholeUnits) + " n=\(figure.n)" + (figure.isSmallSample ? "*" : "")
    }
}
