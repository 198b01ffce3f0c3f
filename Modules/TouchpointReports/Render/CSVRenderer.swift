import Foundation

/// The report as RFC 4180 CSV with a header row and full-precision numbers.
///
/// `groups` (the default) writes the overall row (`scope` = `overall`) then one row per group;
/// `trend` one row per period bucket; `journeyMap` one row per stage × touchpoint cell. Each
/// metric has a value column named after it (`nps`, `ttr_median`, …) and `_n` and `_small`
/// columns, plus `_moe`, `_lower`, `_upper` for NPS and proportions. Durations are seconds;
/// an empty cell means no data. `groups` ends with customer value: counts, the lifetime, and per
/// currency CLV, mean annual value and revenue at risk in minor units.
public struct CSVRenderer: ReportRenderer {
    /// Which part of the report to write.
    public enum Content: String, Sendable, CaseIterable {
        case groups, trend, journeyMap
    }

    /// Which part of the report to write.
    public var content: Content

    /// Creates a CSV renderer.
    public init(content: Content = .groups) {
        self.content = content
    }

    public func render(_ result: ReportResult) throws(ReportError) -> String {
        var lines: [[String]] = []
        switch content {
        case .groups:
            let metrics = Metric.allCases
            let currencies = Set(([result.overall] + result.groups).flatMap { $0.customerValue.currencies.map(\.currency) }).sorted()
            lines.append(["scope"] + result.dimensions.map(\.rawValue) + Self.header(metrics) + Self.valueHeader(currencies))
            let overallKey = Array(repeating: "", count: result.dimensions.count)
            lines.append(
                ["overall"] + overallKey + Self.cells(result.overall.metrics, metrics)
                    + Self.valueCells(result.overall.customerValue, currencies))
            for row in result.groups {
                lines.append(
                    ["group"] + row.key.map(Self.text) + Self.cells(row.metrics, metrics) + Self.valueCells(row.customerValue, currencies))
            }
        case .trend:
            let metrics = Metric.perGroup
            lines.append([result.trendUnit.rawValue, "start", "end"] + Self.header(metrics))
            for (index, point) in (result.trend.first?.points ?? []).enumerated() {
                let figures = Dictionary(uniqueKeysWithValues: result.trend.map { ($0.metric, $0.points[index].figure) })
                let bucket = point.period
                lines.append([bucket.label, FigureFormat.day(bucket.start), FigureFormat.day(bucket.end)] + Self.cells(figures, metrics))
            }
        case .journeyMap:
            let metrics: [Metric] = [.nps, .csat]
            lines.append(["stage", "touchpoint", "interactions"] + Self.header(metrics))
            for cell in result.journeyMap {
                lines.append([cell.stage, cell.touchpoint, "\(cell.interactions)"] + Self.cells([.nps: cell.nps, .csat: cell.csat], metrics))
            }
        }
        return lines.map { $0.map(Self.quote).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// Whether a metric gets margin and interval columns.
    private static func hasInterval(_ metric: Metric) -> Bool {
        [.nps, .csat, .fcr, .reopenRate, .churn, .retention].contains(metric)
    }

    private static func header(_ metrics: [Metric]) -> [String] {
        metrics.flatMap { metric -> [String] in
            let suffixes = hasInterval(metric) ? ["", "_n", "_moe", "_lower", "_upper", "_small"] : ["", "_n", "_small"]
            return suffixes.map { metric.rawValue + $0 }
        }
    }

    private static func cells(_ figures: [Metric: Figure], _ metrics: [Metric]) -> [String] {
        metrics.flatMap { metric -> [String] in
            let width = hasInterval(metric) ? 6 : 3
            guard let figure = figures[metric] else { return Array(repeating: "", count: width) }
            var cells = [number(figure.value), String(figure.n)]
            if hasInterval(metric) {
                cells += [number(figure.marginOfError), number(figure.lower), number(figure.upper)]
            }
            cells.append(figure.isSmallSample ? "true" : "false")
            return cells
        }
    }

    /// Customer value columns: counts and lifetime, then per currency CLV, mean annual value and
    /// revenue at risk in minor units (`clv_eur`, `clv_eur_n`, `clv_eur_small`, …).
    private static func valueHeader(_ currencies: [String]) -> [String] {
        ["customers", "customers_without_value", "at_risk", "at_risk_without_value", "lifetime_years", "lifetime_capped",
         "lifetime_n", "annual_churn"]
            + currencies.flatMap { currency -> [String] in
                let code = currency.lowercased()
                return ["clv_\(code)", "clv_\(code)_n", "clv_\(code)_small", "mean_annual_value_\(code)",
                        "revenue_at_risk_\(code)", "revenue_at_risk_\(code)_n"]
            }
    }

    private static func valueCells(_ value: CustomerValue, _ currencies: [String]) -> [String] {
        let lifetime = value.lifetime
        return ["\(value.customers)", "\(value.withoutValue)", "\(value.atRisk)", "\(value.atRiskWithoutValue)",
                number(lifetime?.years), lifetime.map { $0.isCapped ? "true" : "false" } ?? "", lifetime.map { "\($0.n)" } ?? "",
                number(lifetime?.annualChurnPercent)]
            + currencies.flatMap { currency -> [String] in
                guard let figures = value[currency] else { return Array(repeating: "", count: 6) }
                return [number(figures.clv.value), "\(figures.clv.n)", figures.clv.isSmallSample ? "true" : "false",
                        number(figures.meanAnnualValue.value), number(figures.revenueAtRisk.value), "\(figures.revenueAtRisk.n)"]
            }
    }

    /// The shortest text that parses back to the same `Double`; empty for nil.
    private static func number(_ value: Double?) -> String {
        guard let value else { return "" }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
    }

    /// Keeps a spreadsheet from running a group name as a formula.
    private static func text(_ value: String) -> String {
        guard let first = value.first, "=+-@".contains(first) else { return value }
        return "'" + value
    }

    private static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
