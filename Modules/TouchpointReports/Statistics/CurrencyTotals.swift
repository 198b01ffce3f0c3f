/// Money per currency: how many amounts and their sum, never adding amounts of different currencies.
///
/// Amounts are integers in the currency's minor unit (cents for EUR, yen for JPY). An item
/// without an amount or without a currency is left out of every total and counted in
/// ``withoutValue``; currency codes are compared upper-cased (`eur` is `EUR`).
///
/// ```swift
/// let totals = try CurrencyTotals([(120_000, "EUR"), (80_000, "eur"), (9_000_000, "JPY"), (nil, "EUR")]
///     as [(amount: Int64?, currency: String?)])
/// totals["EUR"]?.mean   // 100000.0 (€1,000.00)
/// totals.withoutValue   // 1
/// ```
public struct CurrencyTotals: Hashable, Sendable {
    /// The amounts of one currency.
    public struct Total: Hashable, Sendable {
        /// How many amounts.
        public let n: Int
        /// Their sum, in minor units.
        public let sum: Int64

        /// The mean amount in minor units; nil without amounts.
        public var mean: Double? { n > 0 ? Double(sum) / Double(n) : nil }
    }

    /// The totals by ISO 4217 code.
    public let byCurrency: [String: Total]
    /// Items left out for lack of an amount or a currency.
    public let withoutValue: Int

    /// Sums `items` per currency; throws `invalidCount` for a negative amount or a sum past `Int64.max`.
    public init(_ items: some Sequence<(amount: Int64?, currency: String?)>) throws(ReportError) {
        var totals: [String: (n: Int, sum: Int64)] = [:]
        var withoutValue = 0
        for (amount, currency) in items {
            guard let amount, let code = currency?.uppercased(), !code.isEmpty else {
                withoutValue += 1
                continue
            }
            try ReportError.checkCounts(amount >= 0, "an annual value of \(amount) \(code) is negative")
            var total = totals[code, default: (0, 0)]
            let (sum, overflow) = total.sum.addingReportingOverflow(amount)
            try ReportError.checkCounts(!overflow, "the annual values in \(code) add up past \(Int64.max) minor units")
            total = (total.n + 1, sum)
            totals[code] = total
        }
        self.byCurrency = totals.mapValues { Total(n: $0.n, sum: $0.sum) }
        self.withoutValue = withoutValue
    }

    /// The currencies with amounts, in code order.
    public var currencies: [String] { byCurrency.keys.sorted() }

    /// The total of a currency (upper-cased), if any amount is in it.
    public subscript(currency: String) -> Total? { byCurrency[currency.uppercased()] }
}
