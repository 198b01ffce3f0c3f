import Foundation
import TouchpointModel

/// Short human forms of ids, dates and durations.
public enum Format {
    /// The first 8 characters of an id: enough to type back (ids resolve by prefix).
    public static func short(_ id: UUID?) -> String {
        guard let id else { return "" }
        return String(id.lowercasedText.prefix(8))
    }

    /// Local date and time to the minute, e.g. `2025-06-15 14:13`.
    public static func date(_ date: Date?) -> String {
        guard let date else { return "" }
        let c = Calendar.current.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ n: Int?) -> String { (n ?? 0) < 10 ? "0\(n ?? 0)" : "\(n ?? 0)" }
        return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute))"
    }

    /// An age like `42s`, `7m`, `3h`, `2d`.
    public static func age(_ seconds: TimeInterval) -> String {
        let s = max(0, Int(seconds))
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m" }
        if s < 86_400 { return "\(s / 3600)h \(s % 3600 / 60)m" }
        return "\(s / 86_400)d \(s % 86_400 / 3600)h"
    }

    /// A count with thousands separators, e.g. `12,345`.
    public static func count<N: BinaryInteger>(_ value: N) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, c) in digits.reversed().enumerated() {
            if i > 0, i % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (value < 0 ? "-" : "") + String(out.reversed())
    }
}
