import Foundation

/// Amounts of money as integer minor units of an ISO 4217 currency: exact, and
/// never added across currencies.
public enum Money {
    /// Digits after the decimal point of a currency (ISO 4217 minor unit): 2 unless listed otherwise.
    public static func minorDigits(_ currency: String) -> Int {
        if zeroDigit.contains(currency) { return 0 }
        if threeDigit.contains(currency) { return 3 }
        return 2
    }

    private static let zeroDigit: Set<String> = [
        "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF",
    ]
    private static let threeDigit: Set<String> = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"]

    /// Minor units from a decimal amount in the currency's major unit (`1234.5` EUR → 123450); nil when the
    /// text is not a non-negative decimal with at most the currency's digits.
    public static func minorUnits(_ text: String, currency: String) -> Int64? {
        let digits = minorDigits(currency)
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, whole.allSatisfy(\.isASCII), let units = Int64(whole),
            units >= 0
        else { return nil }
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= digits, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let scale = Int64(pow(10, Double(digits)))
        let padded = fraction.padding(toLength: digits, withPad: "0", startingAt: 0)
        let (product, overflow) = units.multipliedReportingOverflow(by: scale)
        guard !overflow else { return nil }
        return product + (Int64(padded) ?? 0)
    }

    /// `123450` EUR → `1234.50 EUR`.
    public static func format(_ minorUnits: Int64, currency: String) -> String {
        "\(decimal(Double(minorUnits), currency: currency)) \(currency)"
    }

    /// An amount of minor units (may be fractional, e.g. a mean) in the major unit with the currency's digits.
    public static func decimal(_ minorUnits: Double, currency: String) -> String {
        let digits = minorDigits(currency)
        return String(format: "%.\(digits)f", minorUnits / pow(10, Double(digits)))
    }
}
