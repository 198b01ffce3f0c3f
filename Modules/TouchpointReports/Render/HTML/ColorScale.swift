/// A linear color ramp through a few stops, for heat maps and their legends.
struct ColorScale {
    /// A color as red, green, blue in 0…255.
    struct RGB {
        var red: Double, green: Double, blue: Double

        var hex: String {
            "#" + [red, green, blue].map { component in
                let value = Int(component.rounded())
                let digits = String(value, radix: 16)
                return value < 16 ? "0" + digits : digits
            }.joined()
        }

        /// Whether dark text reads better than white text on this color.
        var prefersDarkText: Bool { 0.299 * red + 0.587 * green + 0.114 * blue > 150 }
    }

    /// Value → color stops, ascending by value.
    var stops: [(value: Double, color: RGB)]

    var domain: ClosedRange<Double> { stops.first!.value...stops.last!.value }

    /// The color of `value`, clamped to the domain.
    func color(_ value: Double) -> RGB {
        let clamped = min(max(value, domain.lowerBound), domain.upperBound)
        for (low, high) in zip(stops, stops.dropFirst()) where clamped <= high.value {
            let span = high.value - low.value
            let t = span > 0 ? (clamped - low.value) / span : 0
            return RGB(
                red: low.color.red + t * (high.color.red - low.color.red),
                green: low.color.green + t * (high.color.green - low.color.green),
                blue: low.color.blue + t * (high.color.blue - low.color.blue)
            )
        }
        return stops.last!.color
    }

    private static let red = RGB(red: 192, green: 57, blue: 43)
    private static let neutral = RGB(red: 243, green: 241, blue: 236)
    private static let green = RGB(red: 30, green: 132, blue: 73)

    /// Interaction volume: pale to deep blue, 0 to `maximum`.
    static func volume(maximum: Double) -> ColorScale {
        ColorScale(stops: [
            (0, RGB(red: 239, green: 245, blue: 251)), (max(1, maximum), RGB(red: 31, green: 84, blue: 153)),
        ])
    }

    /// NPS: red at −100, neutral at 0, green at +100.
    static let nps = ColorScale(stops: [(-100, red), (0, neutral), (100, green)])

    /// CSAT %: red at 0, neutral at 50, green at 100.
    static let csat = ColorScale(stops: [(0, red), (50, neutral), (100, green)])
}
