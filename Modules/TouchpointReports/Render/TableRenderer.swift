/// The report as an aligned plain-text table that fits a terminal width.
///
/// Rows are the overall figures (`(all)`) and the groups; when the metric columns do not fit
/// in `width`, they continue in further blocks that repeat the group columns. Small-sample
/// figures end with `*`, and a note under the table explains the mark.
public struct TableRenderer: ReportRenderer {
    /// The maximum line length, in characters.
    public var width: Int

    /// Creates a table renderer for a terminal `width` columns wide (at least 40).
    public init(width: Int = 100) {
        self.width = max(40, width)
    }

    /// Metric column headings, short enough for narrow terminals.
    private static func heading(_ metric: Metric) -> String {
        switch metric {
        case .detractorsWithoutFollowUp: "Detractors no FU"
        case .closedLoopOpen: "Loop open"
        case .closedLoopCloseMedian: "Loop close med"
        case .interactions: "Interactions"
        case .casesOpened: "Cases"
        case .reopenRate: "Reopen"
        default: metric.title
        }
    }

    public func render(_ result: ReportResult) throws(ReportError) -> String {
        var lines = [
            fit("Touchpoint CX report · \(FigureFormat.period(result.period))"),
            fit(FigureFormat.scope(result)),
            "",
        ]
        let rows = [(["(all)"] + Array(repeating: "", count: max(0, result.dimensions.count - 1)), result.overall)]
            + result.groups.map { ($0.key, $0) }
        let keyHeadings = result.dimensions.isEmpty ? [""] : result.dimensions.map(\.title)
        let keyColumns = keyHeadings.indices.map { index in
            Column(heading: keyHeadings[index], cells: rows.map { $0.0.indices.contains(index) ? $0.0[index] : "" }, alignRight: false)
        }
        let metricColumns = Metric.perGroup.map { metric in
            Column(heading: Self.heading(metric), cells: rows.map { FigureFormat.cell(metric, $0.1[metric] ?? Figure(value: nil, n: 0, isSmallSample: false)) }, alignRight: true)
        }
        let keys = truncated(keyColumns)
        for block in blocks(metricColumns, after: keys) {
            lines.append(contentsOf: renderBlock(keys + block, rowCount: rows.count))
            lines.append("")
        }
        lines.append(contentsOf: customerValue(result, rows: rows.map { ($0.0, $0.1.customerValue) }, keyHeadings: keyHeadings))
        lines.append(fit(FigureFormat.retentionLine(result, figures: true)))
        lines.append(fit(FigureFormat.smallSampleNote(result)))
        return lines.joined(separator: "\n") + "\n"
    }

    /// CLV and revenue at risk: a line per row and currency, then how they are computed.
    private func customerValue(_ result: ReportResult, rows: [([String], CustomerValue)], keyHeadings: [String]) -> [String] {
        var lines: [([String], CurrencyValue?, CustomerValue)] = []
        for (key, value) in rows {
            if value.currencies.isEmpty { lines.append((key, nil, value)) }
            for currency in value.currencies { lines.append((key, currency, value)) }
        }
        let threshold = result.request.smallSampleThreshold
        let keyColumns = (keyHeadings + ["Currency"]).indices.map { index in
            Column(
                heading: (keyHeadings + ["Currency"])[index],
                cells: lines.map { line in
                    index < keyHeadings.count ? (line.0.indices.contains(index) ? line.0[index] : "") : line.1?.currency ?? FigureFormat.missing
                },
                alignRight: false)
        }
        func column(_ heading: String, _ cell: (CurrencyValue?, CustomerValue) -> String) -> Column {
            Column(heading: heading, cells: lines.map { cell($0.1, $0.2) }, alignRight: true)
        }
        let valueColumns = [
            column("CLV") { currency, _ in currency.map(FigureFormat.clv) ?? FigureFormat.missing },
            column("Mean annual value") { currency, _ in currency.map(FigureFormat.meanAnnualValue) ?? FigureFormat.missing },
            column("Revenue at risk") { currency, _ in currency.map(FigureFormat.revenueAtRisk) ?? FigureFormat.missing },
            column("Lifetime") { _, value in FigureFormat.lifetime(value.lifetime, threshold: threshold) },
            column("No value") { _, value in "\(value.withoutValue)/\(value.customers)" },
        ]
        var text = [fit("Customer value (CLV, revenue at risk)")]
        let keys = truncated(keyColumns)
        for block in blocks(valueColumns, after: keys) {
            text.append(contentsOf: renderBlock(keys + block, rowCount: lines.count))
            text.append("")
        }
        let overall = result.overall.customerValue
        text.append(fit("Lifetime (all): " + FigureFormat.lifetimeSource(overall.lifetime) + "."))
        text += wrap(FigureFormat.customerValueMethod)
        if let left = FigureFormat.withoutValue(overall) { text += wrap(left) }
        return text
    }

    /// A paragraph broken into lines of at most `width` characters, at spaces.
    private func wrap(_ paragraph: String) -> [String] {
        var lines: [String] = [], line = ""
        for word in paragraph.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(fit(line)) }
        return lines
    }

    private struct Column {
        var heading: String
        var cells: [String]
        var alignRight: Bool
        var width: Int { ([heading] + cells).map(\.count).max() ?? 0 }
    }

    private static let gap = "  "

    /// Group columns, truncated with `…` so that together they take at most half the width.
    private func truncated(_ columns: [Column]) -> [Column] {
        let budget = width / 2 / max(1, columns.count) - Self.gap.count
        return columns.map { column in
            var column = column
            column.cells = column.cells.map { clip($0, to: max(6, budget)) }
            column.heading = clip(column.heading, to: max(6, budget))
            return column
        }
    }

    /// Metric columns packed greedily into blocks that fit beside the group columns.
    private func blocks(_ columns: [Column], after keys: [Column]) -> [[Column]] {
        let keysWidth = keys.map { $0.width + Self.gap.count }.reduce(0, +)
        var blocks: [[Column]] = [[]]
        var used = keysWidth
        for column in columns {
            let needed = column.width + Self.gap.count
            if used + needed > width + Self.gap.count, !blocks[blocks.count - 1].isEmpty {
                blocks.append([])
                used = keysWidth
            }
            blocks[blocks.count - 1].append(column)
            used += needed
        }
        return blocks
    }

    private func renderBlock(_ columns: [Column], rowCount: Int) -> [String] {
        let widths = columns.map(\.width)
        func line(_ texts: [String]) -> String {
            let padded = zip(columns, zip(texts, widths)).map { column, item in
                let (text, width) = item
                let padding = String(repeating: " ", count: max(0, width - text.count))
                return column.alignRight ? padding + text : text + padding
            }
            return clip(padded.joined(separator: Self.gap).trimmingTrailingSpaces(), to: width)
        }
        var lines = [line(columns.map(\.heading))]
        lines.append(clip(widths.map { String(repeating: "-", count: $0) }.joined(separator: Self.gap), to: width))
        for row in 0..<rowCount {
            lines.append(line(columns.map { $0.cells[row] }))
        }
        return lines
    }

    private func fit(_ text: String) -> String { clip(text, to: width) }

    private func clip(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(max(0, limit - 1))) + "…"
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
