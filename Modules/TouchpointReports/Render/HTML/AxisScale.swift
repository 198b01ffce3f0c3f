import Foundation

/// A value axis with "nice" round ticks (1, 2, 2.5 or 5 × 10ᵏ) covering the data.
struct AxisScale {
    let lower: Double
    let upper: Double
    let ticks: [Double]

    /// An axis covering `values`, kept within `limits`, with about `tickCount` ticks.
    init(covering values: [Double], within limits: ClosedRange<Double>?, includingZero: Bool, tickCount: Int = 5) {
        var low = values.min() ?? 0
        var high = values.max() ?? 1
        if includingZero {
            low = min(low, 0)
            high = max(high, 0)
        }
        if high - low < 1e-9 {
            low -= 1
            high += 1
        }
        let step = Self.niceStep((high - low) / Double(max(1, tickCount - 1)))
        low = (low / step).rounded(.down) * step
        high = (high / step).rounded(.up) * step
        if let limits {
            low = max(low, limits.lowerBound)
            high = min(high, limits.upperBound)
        }
        var ticks: [Double] = []
        var tick = (low / step).rounded(.up) * step
        while tick <= high + step * 1e-9 {
            ticks.append(abs(tick) < step * 1e-9 ? 0 : tick)
            tick += step
        }
        self.lower = low
        self.upper = high
        self.ticks = ticks
    }

    /// Maps a value to a pixel position: `lower` → `bottom`, `upper` → `top`.
    func position(_ value: Double, bottom: Double, top: Double) -> Double {
        let span = upper - lower
        return span > 0 ? bottom - (value - lower) / span * (bottom - top) : bottom
    }

    private static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let fraction = raw / magnitude
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10
        return nice * magnitude
    }
}
