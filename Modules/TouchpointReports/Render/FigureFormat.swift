import Foundation

/// Human-readable text for figures, shared by the table and HTML renderers.
enum FigureFormat {
    /// What stands for "no data".
    static let missing = "—"

    /// The value alone: `+30.0`, `80.0%`, `4.40`, `12`, `2/5`, `3.5h`; `—` when nil.
    static func value(_ metric: Metric, _ figure: Figure) -> String {
        guard let value = figure.value else { return missing }
        switch metric.unit {
        case .points: return (value > 0 ? "+" : "") + fixed(value, 1)
        case .percent: return fixed(value, 1) + "%"
        case .mean: return fixed(value, 2)
        case .count: return metric.isCountOutOfN ? "\(Int(value))/\(figure.n)" : "\(Int(value))"
        case .seconds: return duration(value)
        }
    }

    /// The uncertainty: `±48.4` for NPS (symmetric Wald margin), `(23–88)` for proportions,
    /// whose Wilson interval is not centred on the estimate; nil without an interval.
    static func margin(_ metric: Metric, _ figure: Figure) -> String? {
        guard figure.value != nil, let margin = figure.marginOfError else { return nil }
        if metric.unit == .percent, let lower = figure.lower, let upper = figure.upper {
            return "(\(fixed(lower, 0))–\(fixed(upper, 0)))"
        }
        return "±" + fixed(margin, 1)
    }

    /// The sample note: `n=10`, for estimates only.
    static func sample(_ metric: Metric, _ figure: Figure) -> String? {
        metric.isEstimate ? "n=\(figure.n)" : nil
    }

    /// Value, margin, sample and a trailing `*` for small samples: `+30.0 ±48.4 n=10*`.
    static func cell(_ metric: Metric, _ figure: Figure) -> String {
        let value = value(metric, figure)
        guard figure.value != nil else { return value }
        let parts = [value, margin(metric, figure), sample(metric, figure)].compactMap { $0 }
        return parts.joined(separator: " ") + (figure.isSmallSample ? "*" : "")
    }

    /// A duration in the largest unit that keeps it readable: `45m`, `5.5h`, `3.2d`.
    static func duration(_ seconds: Double) -> String {
        switch seconds {
        case ..<3600: "\(Int((seconds / 60).rounded()))m"
        case ..<(48 * 3600): fixed(seconds / 3600, 1) + "h"
        default: fixed(seconds / 86_400, 1) + "d"
        }
    }

    /// A number with a fixed count of decimals, never `-0.0`.
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        let text = String(format: "%.\(decimals)f", value)
        return Double(text) == 0 ? String(format: "%.\(decimals)f", 0.0) : text
    }

    /// A date as `2026-11-01` (UTC).
    static func day(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: date)
    }

    /// `2026-11-01 – 2026-11-30`, the period with its exclusive end shown as the last day covered.
    static func period(_ period: DateInterval?) -> String {
        guard let period else { return "no data" }
        let lastDay = period.end.addingTimeInterval(-0.001)
        return "\(day(period.start)) – \(day(lastDay)) (UTC)"
    }

    /// `by channel × week · filters: segment=smb`, or `all records`.
    static func scope(_ result: ReportResult) -> String {
        var parts: [String] = []
        if !result.dimensions.isEmpty { parts.append("by " + result.dimensions.map(\.rawValue).joined(separator: " × ")) }
        let filters = result.request.filters.sorted { $0.key.rawValue < $1.key.rawValue }
            .map { "\($0.key.rawValue)=\($0.value.joined(separator: ","))" }
        if !filters.isEmpty { parts.append("filters: " + filters.joined(separator: "; ")) }
        return parts.isEmpty ? "all records" : parts.joined(separator: " · ")
    }

    /// The note explaining small-sample marks.
    static func smallSampleNote(_ result: ReportResult) -> String {
        "* small sample (n < \(result.request.smallSampleThreshold)): indicative only. \(missing) no data."
    }

    /// A sentence on churn and retention; with `figures`, it starts with both rates.
    static func retentionLine(_ result: ReportResult, figures: Bool) -> String {
        guard let counts = result.retentionCounts, let churn = result.overall[.churn],
            let retention = result.overall[.retention]
        else { return "Churn and retention: not computed (they need a period and apply only to persona/segment filters)." }
        guard counts.atStart > 0 else {
            return "Churn and retention: no customer was active at the start of the period (\(counts.new) new, \(counts.atEnd) at end)."
        }
        let rates = figures ? "Churn \(cell(.churn, churn)) · Retention \(cell(.retention, retention)) — " : "Churn and retention: "
        return rates + "\(counts.atStart) customers active at start, \(counts.lost) lost, \(counts.new) new, \(counts.atEnd) at end."
    }
}
