import Foundation

/// A calendar bucket for periods and trends: ISO weeks (`2026-W47`) or months (`2026-11`), in UTC.
public enum PeriodUnit: String, CaseIterable, Codable, Sendable {
    case week, month

    /// The ISO 8601 calendar in UTC: weeks start on Monday, week 1 holds the year's first Thursday.
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    private var component: Calendar.Component { self == .week ? .weekOfYear : .month }

    /// The bucket holding `date`.
    public func bucket(containing date: Date) -> PeriodBucket {
        let interval = Self.calendar.dateInterval(of: component, for: date)!
        return PeriodBucket(label: label(of: interval.start), start: interval.start, end: interval.end)
    }

    /// The label of the bucket holding `date`, e.g. `2026-W47` or `2026-11`.
    public func label(of date: Date) -> String {
        let calendar = Self.calendar
        switch self {
        case .week:
            let parts = calendar.dateComponents([.yearForWeekOfYear, .weekOfYear], from: date)
            return String(format: "%04d-W%02d", parts.yearForWeekOfYear!, parts.weekOfYear!)
        case .month:
            let parts = calendar.dateComponents([.year, .month], from: date)
            return String(format: "%04d-%02d", parts.year!, parts.month!)
        }
    }

    /// Every bucket that overlaps `[from, to)`, in order.
    public func buckets(from: Date, to: Date) -> [PeriodBucket] {
        var buckets: [PeriodBucket] = []
        var bucket = bucket(containing: from)
        while bucket.start < to {
            buckets.append(bucket)
            bucket = self.bucket(containing: bucket.end)
        }
        return buckets
    }

    /// The canonical form of a label (`2026-w7` → `2026-W07`), or nil when it is not one.
    func normalizedLabel(_ text: String) -> String? {
        let parts = text.uppercased().split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]), parts[0].count == 4 else { return nil }
        switch self {
        case .week:
            guard parts[1].hasPrefix("W"), let week = Int(parts[1].dropFirst()), (1...53).contains(week) else { return nil }
            return String(format: "%04d-W%02d", year, week)
        case .month:
            guard let month = Int(parts[1]), (1...12).contains(month) else { return nil }
            return String(format: "%04d-%02d", year, month)
        }
    }
}
