import TouchpointModel

/// Amounts kept in a currency's minor unit, shown in its major unit as the CLIs show money:
/// `1234.50 EUR` (``Money``'s digits per currency), or `1235 EUR` in whole units for estimates.
enum MoneyFormat {
    static func amount(_ minorUnits: Double, _ currency: String, wholeUnits: Bool = false) -> String {
        guard wholeUnits else { return "\(Money.decimal(minorUnits, currency: currency)) \(currency)" }
        var major = minorUnits
        for _ in 0..<Money.minorDigits(currency) { major /= 10 }
        return "\(FigureFormat.fixed(major, 0)) \(currency)"
    }
}
