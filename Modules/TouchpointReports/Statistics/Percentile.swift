/// Percentiles by linear interpolation between closest ranks — numpy's default method (Hyndman & Fan type 7).
///
/// For sorted values `x₀ … xₙ₋₁` and a fraction `q`, the position is `h = (n − 1)·q` and the
/// result `x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋)`. So the median of `[1, 2, 3, 4]` is 2.5 and its
/// p90 is 3.7; `q = 0` gives the minimum and `q = 1` the maximum.
public enum Percentile {
    /// The `fraction` percentile of `values` (0.5 for the median, 0.9 for p90); nil when empty.
    ///
    /// `fraction` must lie in 0…1 and `values` must not contain NaN.
    public static func interpolated(_ fraction: Double, of values: some Collection<Double>) -> Double? {
        interpolated(fraction, ofSorted: values.sorted())
    }

    /// The `fraction` percentile of values already sorted ascending; nil when empty.
    static func interpolated(_ fraction: Double, ofSorted sorted: [Double]) -> Double? {
        precondition((0...1).contains(fraction), "percentile fraction \(fraction) must lie in 0…1")
        guard !sorted.isEmpty else { return nil }
        let position = Double(sorted.count - 1) * fraction
        let below = Int(position.rounded(.down))
        let above = min(below + 1, sorted.count - 1)
        let weight = position - Double(below)
        return sorted[below] + weight * (sorted[above] - sorted[below])
    }
}
