import TouchpointProtocol

extension Touchpoint_V1_ReportCustomerValue {
    /// The wire form of a row's CLV and revenue at risk.
    init(_ value: CustomerValue) {
        self.init()
        customers = UInt64(clamping: value.customers)
        withoutValue = UInt64(clamping: value.withoutValue)
        atRisk = UInt64(clamping: value.atRisk)
        atRiskWithoutValue = UInt64(clamping: value.atRiskWithoutValue)
        if let lifetime = value.lifetime { self.lifetime = Touchpoint_V1_ReportLifetime(lifetime) }
        currencies = value.currencies.map { currency in
            var wire = Touchpoint_V1_ReportCurrencyValue()
            wire.currency = currency.currency
            wire.meanAnnualValue = Touchpoint_V1_ReportFigure(currency.meanAnnualValue)
            wire.clv = Touchpoint_V1_ReportFigure(currency.clv)
            wire.revenueAtRisk = Touchpoint_V1_ReportFigure(currency.revenueAtRisk)
            return wire
        }
    }
}

extension CustomerValue {
    /// Reads a row's CLV and revenue at risk; `INVALID_ARGUMENT` naming `field` for an
    /// out-of-range count, a figure a renderer cannot show or an impossible lifetime.
    init(wire: Touchpoint_V1_ReportCustomerValue, field: String) throws(ProtocolError) {
        var currencies: [CurrencyValue] = []
        for (index, currency) in wire.currencies.enumerated() {
            let field = "\(field).currencies[\(index)]"
            currencies.append(CurrencyValue(
                currency: currency.currency,
                meanAnnualValue: try Figure(wire: currency.meanAnnualValue, field: "\(field).mean_annual_value"),
                clv: try Figure(wire: currency.clv, field: "\(field).clv"),
                revenueAtRisk: try Figure(wire: currency.revenueAtRisk, field: "\(field).revenue_at_risk")
            ))
        }
        self.init(
            customers: try ReportWire.count(wire.customers, field: "\(field).customers"),
            withoutValue: try ReportWire.count(wire.withoutValue, field: "\(field).without_value"),
            atRisk: try ReportWire.count(wire.atRisk, field: "\(field).at_risk"),
            atRiskWithoutValue: try ReportWire.count(wire.atRiskWithoutValue, field: "\(field).at_risk_without_value"),
            lifetime: wire.hasLifetime ? try ExpectedLifetime(wire: wire.lifetime, field: "\(field).lifetime") : nil,
            currencies: currencies
        )
    }
}
