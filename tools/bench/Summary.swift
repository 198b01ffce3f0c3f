import Foundation

/// The `all` table: issue 11's figures from one run, each next to its same-run references and its target.
enum Summary {
    static func rows(_ report: BenchReport) -> [SummaryRow] {
        var rows: [SummaryRow] = []
        if let figures = report.importFigures {
            let sameSchema = figures.sameSchemaRawRowsPerSecond
            rows.append(SummaryRow(
                "import (\(figures.rows) rows)", unit: "rows_per_second", ours: figures.rowsPerSecond,
                references: [.init(name: "same_schema_raw", value: sameSchema), .init(name: "plain_raw", value: figures.plainRawRowsPerSecond)],
                target: "≥ 0.5× same-schema raw", met: figures.rowsPerSecond >= 0.5 * sameSchema))
        }
        if let figures = report.sync {
            let sameSchema = figures.sameSchemaRawRowsPerSecond
            let push = figures.pushRecordsPerSecond
            rows.append(SummaryRow(
                "push + merge, 1 agent (\(figures.pushedInteractions) interactions)", unit: "records_per_second", ours: push,
                references: [.init(name: "same_schema_raw", value: sameSchema), .init(name: "plain_raw", value: figures.plainRawRowsPerSecond)],
                target: "≥ 0.5× same-schema raw and ≥ 40,000/s", met: push >= 0.5 * sameSchema && push >= 40_000))
            rows.append(SummaryRow(
                "cold pull into an empty agent (\(figures.pulledRecords) records in \(String(format: "%.1f", figures.pullSeconds)) s)",
                unit: "records_per_second", ours: figures.pullRecordsPerSecond,
                references: [.init(name: "same_schema_raw", value: sameSchema)],
                target: "1M in < 25 s: ≥ 40,000/s", met: figures.pullRecordsPerSecond >= 40_000))
            rows.append(SummaryRow(
                "wire bytes per interaction (free-text summary, client → server)", unit: "bytes", ours: figures.wireBytesPerInteraction,
                target: "≤ 50 B", met: figures.wireBytesPerInteraction <= 50))
        }
        if let figures = report.load {
            let shape = "\(figures.agents) agents, \(figures.territories) territories × \(figures.recordsPerTerritory)"
            rows.append(SummaryRow(
                "server CPU per delivered record (load: \(shape))", unit: "microseconds",
                ours: figures.serverCPUMicrosecondsPerDeliveredRecord, target: "≤ 5 µs",
                met: figures.serverCPUMicrosecondsPerDeliveredRecord <= 5))
            rows.append(SummaryRow(
                "load convergence (\(shape))", unit: "seconds", ours: figures.convergenceSeconds, target: "< 30 s",
                met: figures.convergenceSeconds < 30))
            let megabytes = Double(figures.serverPeakRSSKilobytes) / 1024
            rows.append(SummaryRow(
                "load: server peak RSS", unit: "megabytes", ours: megabytes, target: "< 300 MB", met: megabytes < 300))
        }
        return rows
    }

    /// The rows as a Markdown table, then the peak RSS of each phase.
    static func table(_ report: BenchReport) -> String {
        var lines = ["| figure | ours | reference (same run) | ratio | target | met |", "|---|---:|---|---:|---|---|"]
        for row in report.summary {
            let references = row.references.map { "\($0.name.replacingOccurrences(of: "_", with: " ")) \(number($0.value))" }
            let ratio = row.ratio.map { String(format: "%.2f×", $0) } ?? "—"
            lines.append("| \(row.figure) | \(number(row.ours)) \(unit(row.unit)) | \(references.isEmpty ? "—" : references.joined(separator: "; ")) | \(ratio) | \(row.target) | \(row.met ? "yes" : "no") |")
        }
        lines += ["", "| phase | bench peak RSS | server peak RSS |", "|---|---:|---:|"]
        for phase in report.memory {
            let bench = "\(phase.benchPeakRSSKilobytes / 1024) MB\(phase.resetBeforePhase ? "" : " (running max)")"
            let server = phase.serverPeakRSSKilobytes.map { "\($0 / 1024) MB" } ?? (phase.serverInBenchProcess ? "in the bench process" : "—")
            lines.append("| \(phase.phase) | \(bench) | \(server) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func unit(_ unit: String) -> String {
        switch unit {
        case "rows_per_second": "rows/s"
        case "records_per_second": "rec/s"
        case "microseconds": "µs"
        case "bytes": "B"
        case "seconds": "s"
        case "megabytes": "MB"
        default: unit
        }
    }

    /// Whole numbers with thousands separators above 100, one decimal below.
    private static func number(_ value: Double) -> String {
        guard value >= 100 else { return String(format: "%.1f", value) }
        let digits = String(Int(value.rounded()))
        return digits.reversed().enumerated().reduce(into: "") { text, pair in
            if pair.offset > 0, pair.offset % 3 == 0 { text.insert(",", at: text.startIndex) }
            text.insert(pair.element, at: text.startIndex)
        }
    }
}
