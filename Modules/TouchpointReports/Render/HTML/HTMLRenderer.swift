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

    /// A page section with its heading.
    private func section(_ page: inout Markup, id: String, title: String, _ body: (inout Markup) -> Void) {
        page.wrap("section", [("id", id)]) { page in
            page.element("h2", [], title)
            body(&page)
        }
    }

    private func scorecard(_ page: inout Markup, _ result: ReportResult) {
        section(&page, id: "scorecard", title: "Scorecard") { page in
            page.wrap("div", [("class", "cards")]) { page in
                for metric in Metric.allCases {
                    guard let figure = result.overall[metric] else { continue }
                    let small = figure.isSmallSample && figure.value != nil
                    page.wrap("div", [("class", small ? "card small" : "card"), ("data-metric", metric.rawValue)]) { page in
                        page.element("div", [("class", "label")], metric.title)
                        page.wrap("div", [("class", "value")]) { page in
                            page.write(FigureFormat.value(metric, figure))
                            if small { page.element("span", [("class", "badge")], mark(result)) }
                        }
                        page.element("div", [("class", "detail")], detail(metric, figure))
                    }
                }
                let value = result.overall.customerValue
                for currency in value.currencies {
                    card(&page, "clv", "CLV (\(currency.currency))", currency.clv, wholeUnits: true, currency.currency, result,
                         detail: "n=\(currency.clv.n) · lifetime \(FigureFormat.lifetime(value.lifetime, threshold: result.request.smallSampleThreshold))")
                    card(&page, "revenue_at_risk", "Revenue at risk (\(currency.currency))", currency.revenueAtRisk, wholeUnits: false,
                         currency.currency, result, detail: "\(currency.revenueAtRisk.n) of \(value.atRisk) customers at risk")
                }
            }
            page.element("p", [("class", "legend")], FigureFormat.retentionLine(result, figures: false))
            let value = result.overall.customerValue
            let lifetime = "Lifetime: " + FigureFormat.lifetimeSource(value.lifetime) + "."
            page.element("p", [("class", "legend")], ([lifetime, FigureFormat.withoutValue(value)].compactMap { $0 }).joined(separator: " "))
        }
    }

    /// A scorecard card for an amount of one currency.
    private func card(
        _ page: inout Markup, _ id: String, _ label: String, _ figure: Figure, wholeUnits: Bool, _ currency: String,
        _ result: ReportResult, detail: String
    ) {
        let small = figure.isSmallSample && figure.value != nil
        page.wrap("div", [("class", small ? "card small" : "card"), ("data-metric", "\(id)_\(currency.lowercased())")]) { page in
            page.element("div", [("class", "label")], label)
            page.wrap("div", [("class", "value")]) { page in
                page.write(figure.value.map { MoneyFormat.amount($0, currency, wholeUnits: wholeUnits) } ?? FigureFormat.missing)
                if small { page.element("span", [("class", "badge")], mark(result)) }
            }
            page.element("div", [("class", "detail")], detail)
        }
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
        let title = "By " + result.dimensions.map { $0.title.lowercased() }.joined(separator: " × ")
        let overallKey = ["All"] + Array(repeating: "", count: result.dimensions.count - 1)
        let rows = [(overallKey, result.overall, true)] + result.groups.map { ($0.key, $0, false) }
        section(&page, id: "groups", title: title) { page in
            page.wrap("div", [("class", "tablewrap")]) { page in
                page.wrap("table") { page in
                    page.wrap("thead") { page in
                        page.wrap("tr") { page in
                            for dimension in result.dimensions { page.element("th", [("class", "key")], dimension.title) }
                            for metric in Metric.perGroup { page.element("th", [], metric.title) }
                            page.element("th", [], "CLV")
                            page.element("th", [], "Revenue at risk")
                        }
                    }
                    page.wrap("tbody") { page in
                        for (key, row, isOverall) in rows {
                            page.wrap("tr", isOverall ? [("class", "overall")] : []) { page in
                                for value in key { page.element("td", [("class", "key")], value) }
                                for metric in Metric.perGroup { cell(&page, metric, row[metric], result) }
                                moneyCell(&page, row.customerValue.currencies.map(FigureFormat.clv))
                                moneyCell(&page, row.customerValue.currencies.map(FigureFormat.revenueAtRisk))
                            }
                        }
                    }
                }
            }
        }
    }

    /// A table cell: the value, its interval and sample size, and the small-sample marker.
    private func cell(_ page: inout Markup, _ metric: Metric, _ figure: Figure?, _ result: ReportResult) {
        let figure = figure ?? Figure(value: nil, n: 0, isSmallSample: false)
        let small = figure.isSmallSample && figure.value != nil
        page.wrap("td", small ? [("class", "small")] : []) { page in
            page.write(FigureFormat.value(metric, figure))
            if metric.isEstimate, figure.value != nil { page.element("span", [("class", "sub")], detail(metric, figure)) }
            if small { page.element("span", [("class", "badge")], mark(result)) }
        }
    }

    /// A cell with one line per currency; `—` without any.
    private func moneyCell(_ page: inout Markup, _ lines: [String]) {
        page.wrap("td") { page in
            if lines.isEmpty { page.write(FigureFormat.missing) }
            for line in lines { page.element("div", [], line) }
        }
    }

    private func trends(_ page: inout Markup, _ result: ReportResult) {
        section(&page, id: "trends", title: "Trends by \(result.trendUnit.rawValue)") { page in
            page.element("p", [("class", "legend")],
                "● figure · ○ \(mark(result)): small sample, indicative only · vertical whiskers: 95% interval · gaps: no data. Times in hours.")
            page.wrap("div", [("class", "charts")]) { page in
                for series in result.trend {
                    page.wrap("div", [("class", "chartbox"), ("data-metric", series.metric.rawValue)]) { page in
                        page.element("h3", [], series.metric.title)
                        page.raw(SVGTrendChart(metric: series.metric, points: series.points).svg())
                    }
                }
            }
        }
    }

    private func journeyMap(_ page: inout Markup, _ result: ReportResult) {
        section(&page, id: "journey", title: "Journey map: stage × touchpoint") { page in
            let maps = JourneyHeatMaps(result: result, smallSampleMark: mark(result)).maps()
            if maps.isEmpty {
                page.element("p", [("class", "legend")], "No interactions or answers with a journey stage and touchpoint.")
            }
            page.wrap("div", [("class", "heatmaps")]) { page in
                for (id, heading, map) in maps {
                    page.wrap("div", [("class", "heatbox"), ("id", "journey-\(id)")]) { page in
                        page.element("h3", [], heading)
                        page.raw(map.svg())
                    }
                }
            }
        }
    }

    private func notes(_ page: inout Markup, _ result: ReportResult) {
        let notes = [
            "NPS = % promoters (9–10) − % detractors (0–6); ± is the 95% margin of error 1.96·√(V/n)·100.",
            "CSAT = % of 4–5 answers on 1–5. For CSAT, FCR and reopen rate, (low–high) is the 95% Wilson interval.",
            "CES = mean answer on 1–7. TTR = resolved − opened, median and 90th percentile of cases resolved in the period.",
            "Answers are credited to the channel, touchpoint, stage, agent and team captured when they were given.",
            FigureFormat.customerValueMethod,
            "A row's customers are those with an interaction, answer or case in it; the lifetime comes from the churn of "
                + "the customers its persona and segment describe over its week or month, else the report's period; "
                + "a customer at risk counts in the row of their latest NPS answer. Amounts are annual values in the currency shown.",
            "Figures from fewer than \(result.request.smallSampleThreshold) observations are greyed and marked \(mark(result)).",
            "Generated \(FigureFormat.day(result.generatedAt)).",
        ]
        section(&page, id: "notes", title: "How these figures are computed") { page in
            page.wrap("ul", [("class", "notes")]) { page in
                for note in notes { page.element("li", [], note) }
            }
        }
    }
}
