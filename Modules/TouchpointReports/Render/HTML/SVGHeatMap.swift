/// An inline SVG heat map: rows × columns of colored cells with their value printed, and a
/// color legend. Small-sample cells are greyed and marked `n<30`; empty cells show `—`.
struct SVGHeatMap {
    /// One cell's content.
    struct Cell {
        var value: Double?
        var label: String
        var isSmallSample: Bool
        var tooltip: String
    }

    var rows: [String]
    var columns: [String]
    /// `cells[row][column]`; nil for a combination without data.
    var cells: [[Cell?]]
    var scale: ColorScale
    /// How legend values read, e.g. `+50` or `80%`.
    var legendLabel: (Double) -> String
    /// Text of the small-sample marker, e.g. `n<30`.
    var smallSampleMark: String
    /// Unique prefix for ids inside the page.
    var id: String

    let cellWidth = 92.0, cellHeight = 40.0, top = 74.0, legendHeight = 54.0

    func svg() -> String {
        let left = Double((rows.map(\.count).max() ?? 0) * 7 + 16)
        let width = max(left + Double(columns.count) * cellWidth + 8, left + 500)
        let height = top + Double(rows.count) * cellHeight + legendHeight
        var svg = Markup()
        svg.open("svg", [("class", "heatmap"), ("width", svgNumber(width)), ("height", svgNumber(height)),
            ("viewBox", "0 0 \(svgNumber(width)) \(svgNumber(height))"), ("role", "img")])
        for (index, column) in columns.enumerated() {
            let cx = left + (Double(index) + 0.5) * cellWidth
            svg.element("text", [("x", svgNumber(cx)), ("y", svgNumber(top - 8)), ("class", "tick"),
                ("transform", "rotate(-30 \(svgNumber(cx)) \(svgNumber(top - 8)))")], column)
        }
        for (rowIndex, row) in rows.enumerated() {
            let y = top + Double(rowIndex) * cellHeight
            svg.element("text", [("x", svgNumber(left - 8)), ("y", svgNumber(y + cellHeight / 2)), ("class", "tick"),
                ("text-anchor", "end"), ("dominant-baseline", "middle")], row)
            for columnIndex in columns.indices {
                cell(&svg, cells[rowIndex][columnIndex], x: left + Double(columnIndex) * cellWidth, y: y)
            }
        }
        legend(&svg, x: left, y: top + Double(rows.count) * cellHeight + 18)
        svg.close("svg")
        return svg.text
    }

    private func cell(_ svg: inout Markup, _ cell: Cell?, x: Double, y: Double) {
        let color = cell?.value.map { scale.color($0) }
        let fill = color?.hex ?? "#f7f7f7"
        let groupAttributes: [(String, String)] = cell?.isSmallSample == true ? [("class", "small")] : []
        svg.open("g", groupAttributes)
        svg.open("rect", [("x", svgNumber(x + 1)), ("y", svgNumber(y + 1)), ("width", svgNumber(cellWidth - 2)),
            ("height", svgNumber(cellHeight - 2)), ("fill", fill), ("opacity", cell?.isSmallSample == true ? "0.35" : "1")])
        if let cell { svg.element("title", [], cell.tooltip) }
        svg.close("rect")
        let dark = cell?.isSmallSample == true || (color?.prefersDarkText ?? true)
        let textColor = cell?.isSmallSample == true ? "#80868b" : dark ? "#202124" : "#ffffff"
        let centerX = svgNumber(x + cellWidth / 2)
        let hasMark = cell?.isSmallSample == true && cell?.value != nil
        svg.element("text", [("x", centerX), ("y", svgNumber(y + (hasMark ? 16 : cellHeight / 2))),
            ("class", "cell"), ("text-anchor", "middle"), ("dominant-baseline", "middle"), ("fill", textColor)],
            cell?.label ?? FigureFormat.missing)
        if hasMark {
            svg.element("text", [("x", centerX), ("y", svgNumber(y + 31)), ("class", "mark"), ("text-anchor", "middle"),
                ("dominant-baseline", "middle"), ("fill", textColor)], smallSampleMark)
        }
        svg.close("g")
    }

    /// A gradient bar with its end and middle values, then swatches for small samples and no data.
    private func legend(_ svg: inout Markup, x: Double, y: Double) {
        let barWidth = 180.0
        let gradientID = "\(id)-gradient"
        svg.open("defs")
        svg.open("linearGradient", [("id", gradientID), ("x1", "0"), ("x2", "1"), ("y1", "0"), ("y2", "0")])
        let domain = scale.domain
        for stop in scale.stops {
            let offset = (stop.value - domain.lowerBound) / max(1e-9, domain.upperBound - domain.lowerBound)
            svg.empty("stop", [("offset", svgNumber(offset * 100) + "%"), ("stop-color", stop.color.hex)])
        }
        svg.close("linearGradient")
        svg.close("defs")
        svg.empty("rect", [("x", svgNumber(x)), ("y", svgNumber(y)), ("width", svgNumber(barWidth)), ("height", "10"),
            ("fill", "url(#\(gradientID))"), ("stroke", "#c4c7c5")])
        let middle = (domain.lowerBound + domain.upperBound) / 2
        for (value, anchor, offset) in [(domain.lowerBound, "start", 0.0), (middle, "middle", 0.5), (domain.upperBound, "end", 1.0)] {
            svg.element("text", [("x", svgNumber(x + offset * barWidth)), ("y", svgNumber(y + 24)), ("class", "tick"),
                ("text-anchor", anchor)], legendLabel(value))
        }
        let swatchX = x + barWidth + 24
        svg.empty("rect", [("x", svgNumber(swatchX)), ("y", svgNumber(y)), ("width", "14"), ("height", "10"),
            ("fill", scale.color(domain.upperBound).hex), ("opacity", "0.35")])
        svg.element("text", [("x", svgNumber(swatchX + 20)), ("y", svgNumber(y + 9)), ("class", "tick")],
            "\(smallSampleMark): greyed, indicative only")
        svg.empty("rect", [("x", svgNumber(swatchX + 200)), ("y", svgNumber(y)), ("width", "14"), ("height", "10"),
            ("fill", "#f7f7f7"), ("stroke", "#c4c7c5")])
        svg.element("text", [("x", svgNumber(swatchX + 220)), ("y", svgNumber(y + 9)), ("class", "tick")],
            "\(FigureFormat.missing) no data")
    }
}
