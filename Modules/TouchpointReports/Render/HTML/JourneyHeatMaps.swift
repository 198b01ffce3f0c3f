/// The journey map's three heat maps — volume, NPS and CSAT — over the same stage × touchpoint grid.
struct JourneyHeatMaps {
    var result: ReportResult
    var smallSampleMark: String

    /// `(id, heading, map)` for each heat map; empty when the journey map has no cell.
    func maps() -> [(String, String, SVGHeatMap)] {
        let cells = result.journeyMap
        guard !cells.isEmpty else { return [] }
        let stages = Set(cells.map(\.stage)).sorted { ReportDimension.stage.sortKey($0) < ReportDimension.stage.sortKey($1) }
        let touchpoints = Set(cells.map(\.touchpoint)).sorted()
        let byKey = Dictionary(cells.map { ("\($0.stage)|\($0.touchpoint)", $0) }, uniquingKeysWith: { first, _ in first })
        func map(_ id: String, _ scale: ColorScale, legend: @escaping (Double) -> String, _ make: (JourneyCell) -> SVGHeatMap.Cell) -> SVGHeatMap {
            let grid = stages.map { stage in touchpoints.map { byKey["\(stage)|\($0)"].map(make) } }
            return SVGHeatMap(
                rows: stages, columns: touchpoints, cells: grid, scale: scale, legendLabel: legend,
                smallSampleMark: smallSampleMark, id: "heat-\(id)"
            )
        }
        let maximum = Double(cells.map(\.interactions).max() ?? 0)
        return [
            ("volume", "Volume (interactions)", map("volume", .volume(maximum: maximum), legend: { FigureFormat.fixed($0, 0) }) { cell in
                SVGHeatMap.Cell(
                    value: Double(cell.interactions), label: "\(cell.interactions)", isSmallSample: false,
                    tooltip: "\(cell.stage) · \(cell.touchpoint): \(cell.interactions) interactions"
                )
            }),
            ("nps", "NPS", map("nps", .nps, legend: { ($0 > 0 ? "+" : "") + FigureFormat.fixed($0, 0) }) { figureCell(.nps, $0, $0.nps) }),
            ("csat", "CSAT %", map("csat", .csat, legend: { FigureFormat.fixed($0, 0) + "%" }) { figureCell(.csat, $0, $0.csat) }),
        ]
    }

    private func figureCell(_ metric: Metric, _ cell: JourneyCell, _ figure: Figure) -> SVGHeatMap.Cell {
        SVGHeatMap.Cell(
            value: figure.value, label: FigureFormat.value(metric, figure), isSmallSample: figure.isSmallSample,
            tooltip: "\(cell.stage) · \(cell.touchpoint): \(metric.title) \(FigureFormat.cell(metric, figure))"
        )
    }
}
