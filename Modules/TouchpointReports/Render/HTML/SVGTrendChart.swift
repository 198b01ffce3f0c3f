/// An inline SVG chart of one metric over period buckets: bars for counts, a line with
/// 95% interval whiskers for estimates. Small-sample points are hollow and grey; buckets
/// without data leave a gap in the line.
struct SVGTrendChart {
    var metric: Metric
    var points: [TrendPoint]
    var width = 600.0
    var height = 250.0

    let left = 58.0, right = 14.0, top = 14.0, bottom = 52.0
    private static let ink = "#2b6cb0", grey = "#9aa0a6", axis = "#5f6368", grid = "#e3e5e8"

    /// Seconds are charted in hours.
    private var divisor: Double { metric.unit == .seconds ? 3600 : 1 }

    private var limits: ClosedRange<Double>? {
        switch metric.unit {
        case .points: -100...100
        case .percent: 0...100
        case .mean: 1...7
        case .count, .seconds: 0...Double.greatestFiniteMagnitude
        }
    }

    func svg() -> String {
        let plotBottom = height - bottom, plotRight = width - right
        var values: [Double] = []
        for point in points {
            let figure = point.figure
            values += [figure.value, figure.lower, figure.upper].compactMap { $0.map { $0 / divisor } }
        }
        let scale = AxisScale(covering: values, within: limits, includingZero: metric.unit != .mean)
        let band = (plotRight - left) / Double(max(1, points.count))
        func x(_ index: Int) -> Double { left + (Double(index) + 0.5) * band }
        func y(_ value: Double) -> Double { scale.position(value / divisor, bottom: plotBottom, top: top) }

        var svg = Markup()
        svg.open("svg", [
            ("class", "chart"), ("viewBox", "0 0 \(svgNumber(width)) \(svgNumber(height))"), ("role", "img"),
            ("aria-label", "\(metric.title) by period"),
        ])
        for tick in scale.ticks {
            let ty = svgNumber(scale.position(tick, bottom: plotBottom, top: top))
            svg.empty("line", [("x1", svgNumber(left)), ("x2", svgNumber(plotRight)), ("y1", ty), ("y2", ty),
                ("stroke", tick == 0 ? Self.axis : Self.grid), ("stroke-width", "1")])
            svg.element("text", [("x", svgNumber(left - 6)), ("y", ty), ("class", "tick"), ("text-anchor", "end"),
                ("dominant-baseline", "middle")], tickLabel(tick))
        }
        svg.empty("line", [("x1", svgNumber(left)), ("x2", svgNumber(left)), ("y1", svgNumber(top)),
            ("y2", svgNumber(plotBottom)), ("stroke", Self.axis)])
        svg.empty("line", [("x1", svgNumber(left)), ("x2", svgNumber(plotRight)), ("y1", svgNumber(plotBottom)),
            ("y2", svgNumber(plotBottom)), ("stroke", Self.axis)])
        xLabels(&svg, x: x, band: band, baseline: plotBottom)
        if metric.unit == .count {
            bars(&svg, x: x, y: y, band: band, baseline: plotBottom)
        } else {
            line(&svg, x: x, y: y)
        }
        if points.allSatisfy({ $0.figure.value == nil }) {
            svg.element("text", [("x", svgNumber((left + plotRight) / 2)), ("y", svgNumber((top + plotBottom) / 2)),
                ("class", "nodata"), ("text-anchor", "middle")], "No data in this period")
        }
        svg.close("svg")
        return svg.text
    }

    private func tickLabel(_ tick: Double) -> String {
        let text = tick == tick.rounded() ? FigureFormat.fixed(tick, 0) : FigureFormat.fixed(tick, 1)
        switch metric.unit {
        case .percent: return text + "%"
        case .seconds: return text + "h"
        case .points: return tick > 0 ? "+" + text : text
        default: return text
        }
    }

    /// Period labels under the axis, thinned out so they do not overlap.
    private func xLabels(_ svg: inout Markup, x: (Int) -> Double, band: Double, baseline: Double) {
        let labelWidth = 58.0
        let every = max(1, Int((labelWidth / band).rounded(.up)))
        for (index, point) in points.enumerated() where index % every == 0 {
            svg.element("text", [("x", svgNumber(x(index))), ("y", svgNumber(baseline + 18)), ("class", "tick"),
                ("text-anchor", "middle")], point.period.label)
        }
    }

    private func bars(_ svg: inout Markup, x: (Int) -> Double, y: (Double) -> Double, band: Double, baseline: Double) {
        let barWidth = max(2, band * 0.7)
        for (index, point) in points.enumerated() {
            guard let value = point.figure.value else { continue }
            let barTop = y(value)
            svg.open("rect", [("x", svgNumber(x(index) - barWidth / 2)), ("y", svgNumber(barTop)),
                ("width", svgNumber(barWidth)), ("height", svgNumber(max(0, baseline - barTop))), ("fill", Self.ink)])
            svg.element("title", [], "\(point.period.label): \(FigureFormat.cell(metric, point.figure))")
            svg.close("rect")
            if points.count <= 16, value > 0 {
                svg.element("text", [("x", svgNumber(x(index))), ("y", svgNumber(barTop - 4)), ("class", "value"),
                    ("text-anchor", "middle")], FigureFormat.value(metric, point.figure))
            }
        }
    }

    private func line(_ svg: inout Markup, x: (Int) -> Double, y: (Double) -> Double) {
        var path = "", pen = false
        for (index, point) in points.enumerated() {
            guard let value = point.figure.value else { pen = false; continue }
            path += "\(pen ? "L" : "M")\(svgNumber(x(index))) \(svgNumber(y(value))) "
            pen = true
        }
        if !path.isEmpty {
            svg.empty("path", [("d", path), ("fill", "none"), ("stroke", Self.ink), ("stroke-width", "2")])
        }
        for (index, point) in points.enumerated() {
            let figure = point.figure
            guard let value = figure.value else { continue }
            let color = figure.isSmallSample ? Self.grey : Self.ink
            if let lower = figure.lower, let upper = figure.upper {
                svg.empty("line", [("x1", svgNumber(x(index))), ("x2", svgNumber(x(index))), ("y1", svgNumber(y(lower))),
                    ("y2", svgNumber(y(upper))), ("stroke", color), ("stroke-width", "1"), ("opacity", "0.6")])
            }
            svg.open("circle", [("cx", svgNumber(x(index))), ("cy", svgNumber(y(value))), ("r", "4"),
                ("fill", figure.isSmallSample ? "#ffffff" : Self.ink), ("stroke", color), ("stroke-width", "2")])
            let note = figure.isSmallSample ? " — small sample, indicative only" : ""
            svg.element("title", [], "\(point.period.label): \(FigureFormat.cell(metric, figure))\(note)")
            svg.close("circle")
            if points.count <= 12 {
                svg.element("text", [("x", svgNumber(x(index))), ("y", svgNumber(y(value) - 9)),
                    ("class", figure.isSmallSample ? "value small" : "value"), ("text-anchor", "middle")],
                    FigureFormat.value(metric, figure))
            }
        }
    }
}
