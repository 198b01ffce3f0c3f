/// The report as one self-contained HTML page: scorecard, group table, a trend chart per
/// metric and the journey map as heat maps. Charts are inline SVG; nothing is fetched.
///
/// The page is XHTML-compatible (every element closed, text escaped), so it parses as XML.
/// Small-sample figures are greyed and marked `n<30` (with the request's threshold).
public struct HTMLRenderer: ReportRenderer {
    /// The page title.
    public var title: String

    /// Creates an HTML renderer.
    public init(title: String = "Touchpoint CX report") {
        self.title = title
    }

    public func render(_ result: ReportResult) throws(ReportError) -> String {
        var page = Markup()
        page.raw("<!DOCTYPE html>\n")
        page.open("html", [("lang", "en")])
        page.open("head")
        page.empty("meta", [("charset", "utf-8")])
        page.empty("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
        page.element("title", [], title)
        page.open("style")
        page.raw(HTMLStyle.css)
        page.close("style")
        page.close("head")
        page.open("body")
        page.open("header")
        page.element("h1", [], title)
        page.element("p", [], "\(FigureFormat.period(result.period)) · \(FigureFormat.scope(result))")
        page.close("header")
        scorecard(&page, result)
        if !result.dimensions.isEmpty { groupTable(&page, result) }
        trends(&page, result)
        journeyMap(&page, result)
        notes(&page, result)
        page.close("body")
        page.close("html")
        return page.text + "\n"
    }

    private func mark(_ result: ReportResult) -> String { "n<\(result.request.smallSampleThreshold)" }

    private func scorecard(_ page: inout Markup, _ result: ReportResult) {
        page.open("section", [("id", "scorecard")])
        page.element("h2", [], "Scorecard")
        page.open("div", [("class", "cards")])
        for metric in Metric.allCases {
            guard let figure = result.overall[metric] else { continue }
            let small = figure.isSmallSample && figure.value != nil
            page.open("div", [("class", small ? "card small" : "card"), ("data-metric", metric.rawValue)])
            page.element("div", [("class", "label")], metric.title)
            page.open("div", [("class", "value")])
            page.write(FigureFormat.value(metric, figure))
            if small { page.element("span", [("class", "badge")], mark(result)) }
            page.close("div")
            page.element("div", [("class", "detail")], detail(metric, figure))
            page.close("div")
        }
        page.close("div")
        page.element("p", [("class", "legend")], FigureFormat.retentionLine(result, figures: false))
        page.close("section")
    }

    /// `±48.4 · n=10`, or what the count is out of.
    private func detail(_ metric: Metric, _ figure: Figure) -> String {
        if metric.unit == .count {
            switch metric {
            case .detractorsWithoutFollowUp: return "of \(figure.n) answers needing a follow-up"
            case .closedLoopOpen: return "of \(figure.n) closed-loop follow-ups"
            default: return "count"
            }
        }
        let parts = [FigureFormat.margin(metric, figure), FigureFormat.sample(metric, figure)].compactMap { $0 }
        return parts.joined(separator: " · ") + (figure.value == nil ? " · no data" : "")
    }

    private func groupTable(_ page: inout Markup, _ result: ReportResult) {
        page.open("section", [("id", "groups")])
        page.element("h2", [], "By " + result.dimensions.map { $0.title.lowercased() }.joined(separator: " × "))
        page.open("div", [("class", "tablewrap")])
        page.open("table")
        page.open("thead")
        page.open("tr")
        for dimension in result.dimensions { page.element("th", [("class", "key")], dimension.title) }
        for metric in Metric.perGroup { page.element("th", [], metric.title) }
        page.close("tr")
        page.close("thead")
        page.open("tbody")
        let overallKey = ["All"] + Array(repeating: "", count: result.dimensions.count - 1)
        for (key, row, isOverall) in [(overallKey, result.overall, true)] + result.groups.map({ ($0.key, $0, false) }) {
            page.open("tr", isOverall ? [("class", "overall")] : [])
            for value in key { page.element("td", [("class", "key")], value) }
            for metric in Metric.perGroup {
                let figure = row[metric] ?? Figure(value: nil, n: 0, isSmallSample: false)
                let small = figure.isSmallSample && figure.value != nil
                page.open("td", small ? [("class", "small")] : [])
                page.write(FigureFormat.value(metric, figure))
                if metric.isEstimate, figure.value != nil { page.element("span", [("class", "sub")], detail(metric, figure)) }
                if small { page.element("span", [("class", "badge")], mark(result)) }
                page.close("td")
            }
            page.close("tr")
        }
        page.close("tbody")
        page.close("table")
        page.close("div")
        page.close("section")
    }

    private func trends(_ page: inout Markup, _ result: ReportResult) {
        page.open("section", [("id", "trends")])
        page.element("h2", [], "Trends by \(result.trendUnit.rawValue)")
        page.element("p", [("class", "legend")],
            "● figure · ○ \(mark(result)): small sample, indicative only · vertical whiskers: 95% interval · gaps: no data. Times in hours.")
        page.open("div", [("class", "charts")])
        for series in result.trend {
            page.open("div", [("class", "chartbox"), ("data-metric", series.metric.rawValue)])
            page.element("h3", [], series.metric.title)
            page.raw(SVGTrendChart(metric: series.metric, points: series.points).svg())
            page.close("div")
        }
        page.close("div")
        page.close("section")
    }

    private func journeyMap(_ page: inout Markup, _ result: ReportResult) {
        page.open("section", [("id", "journey")])
        page.element("h2", [], "Journey map: stage × touchpoint")
        guard !result.journeyMap.isEmpty else {
            page.element("p", [("class", "legend")], "No interactions or answers with a journey stage and touchpoint.")
            page.close("section")
            return
        }
        let stages = Array(Set(result.journeyMap.map(\.stage))).sorted { ReportDimension.stage.sortKey($0) < ReportDimension.stage.sortKey($1) }
        let touchpoints = Array(Set(result.journeyMap.map(\.touchpoint))).sorted()
        let byKey = Dictionary(uniqueKeysWithValues: result.journeyMap.map { ("\($0.stage)|\($0.touchpoint)", $0) })
        func cells(_ make: (JourneyCell) -> SVGHeatMap.Cell) -> [[SVGHeatMap.Cell?]] {
            stages.map { stage in touchpoints.map { byKey["\(stage)|\($0)"].map(make) } }
        }
        func figureCell(_ metric: Metric, _ pick: @escaping (JourneyCell) -> Figure) -> (JourneyCell) -> SVGHeatMap.Cell {
            { journeyCell in
                let figure = pick(journeyCell)
                return SVGHeatMap.Cell(
                    value: figure.value, label: FigureFormat.value(metric, figure), isSmallSample: figure.isSmallSample,
                    tooltip: "\(journeyCell.stage) · \(journeyCell.touchpoint): \(metric.title) \(FigureFormat.cell(metric, figure))"
                )
            }
        }
        let maximum = Double(result.journeyMap.map(\.interactions).max() ?? 0)
        let maps: [(String, String, [[SVGHeatMap.Cell?]], ColorScale, (Double) -> String)] = [
            ("Volume (interactions)", "volume", cells { cell in
                SVGHeatMap.Cell(value: Double(cell.interactions), label: "\(cell.interactions)", isSmallSample: false,
                    tooltip: "\(cell.stage) · \(cell.touchpoint): \(cell.interactions) interactions")
            }, .volume(maximum: maximum), { FigureFormat.fixed($0, 0) }),
            ("NPS", "nps", cells(figureCell(.nps, \.nps)), .nps, { ($0 > 0 ? "+" : "") + FigureFormat.fixed($0, 0) }),
            ("CSAT %", "csat", cells(figureCell(.csat, \.csat)), .csat, { FigureFormat.fixed($0, 0) + "%" }),
        ]
        page.open("div", [("class", "heatmaps")])
        for (heading, id, grid, scale, legend) in maps {
            page.open("div", [("class", "heatbox"), ("id", "journey-\(id)")])
            page.element("h3", [], heading)
            let map = SVGHeatMap(rows: stages, columns: touchpoints, cells: grid, scale: scale, legendLabel: legend,
                smallSampleMark: mark(result), id: "heat-\(id)")
            page.raw(map.svg())
            page.close("div")
        }
        page.close("div")
        page.close("section")
    }

    private func notes(_ page: inout Markup, _ result: ReportResult) {
        page.open("section", [("id", "notes"), ("class", "notes")])
        page.element("h2", [], "How these figures are computed")
        page.open("ul")
        for note in [
            "NPS = % promoters (9–10) − % detractors (0–6); ± is the 95% margin of error 1.96·√(V/n)·100.",
            "CSAT = % of 4–5 answers on 1–5. For CSAT, FCR and reopen rate, (low–high) is the 95% Wilson interval.",
            "CES = mean answer on 1–7. TTR = resolved − opened, median and 90th percentile of cases resolved in the period.",
            "Answers are credited to the channel, touchpoint, stage, agent and team captured when they were given.",
            "Figures from fewer than \(result.request.smallSampleThreshold) observations are greyed and marked \(mark(result)).",
            "Generated \(FigureFormat.day(result.generatedAt)).",
        ] {
            page.element("li", [], note)
        }
        page.close("ul")
        page.close("section")
    }
}
