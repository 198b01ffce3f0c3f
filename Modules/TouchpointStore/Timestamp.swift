import Foundation

/// Dates as import and export write them: ISO 8601 or epoch milliseconds in,
/// ISO 8601 UTC with milliseconds out (`2025-06-15T14:13:20.123Z`).
public enum Timestamp {
    /// Parses epoch milliseconds (`1750000000000`), an ISO 8601 date-time
    /// (`2025-06-15T14:13:20Z`, `2025-06-15 14:13:20.5+02:00`; no zone means UTC)
    /// or a date (`2025-06-15`, midnight UTC). Returns milliseconds since the epoch.
    public static func milliseconds(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return nil }
        if bytes.allSatisfy({ isDigit($0) }) || (bytes.first == 0x2D && bytes.count > 1 && bytes.dropFirst().allSatisfy(isDigit)) {
            return bytes.count < 11 && bytes.count > 8 ? nil : Int64(text)  // 9–10 digits look like epoch seconds: refuse
        }
        var scanner = Scanner(bytes)
        return scanner.isoMilliseconds()
    }

    /// Parses like ``milliseconds(_:)`` and returns a date.
    public static func date(_ text: String) -> Date? {
        milliseconds(text).map { Date(timeIntervalSince1970: Double($0) / 1000) }
    }

    /// ISO 8601 UTC with milliseconds.
    public static func format(milliseconds ms: Int64) -> String {
        let days = floorDiv(ms, 86_400_000)
        let rest = ms - days * 86_400_000
        let (y, m, d) = civil(fromDays: days)
        let h = rest / 3_600_000, mi = rest / 60_000 % 60, s = rest / 1000 % 60, f = rest % 1000
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(h, 2)):\(pad(mi, 2)):\(pad(s, 2)).\(pad(f, 3))Z"
    }

    /// ISO 8601 UTC with milliseconds.
    public static func format(_ date: Date) -> String {
        format(milliseconds: Int64((date.timeIntervalSince1970 * 1000).rounded(.down)))
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : (a - b + 1) / b }

    /// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = floorDiv(y, 400)
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = floorDiv(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// A cursor over the bytes of an ISO 8601 text.
    private struct Scanner {
        let bytes: [UInt8]
        var i = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        mutating func number(_ digits: Int) -> Int64? {
            guard i + digits <= bytes.count else { return nil }
            var value: Int64 = 0
            for b in bytes[i..<i + digits] {
                guard isDigit(b) else { return nil }
                value = value * 10 + Int64(b - 0x30)
            }
            i += digits
            return value
        }

        mutating func skip(_ byte: UInt8) -> Bool {
            guard i < bytes.count, bytes[i] == byte else { return false }
            i += 1
            return true
        }

        var atEnd: Bool { i == bytes.count }

        mutating func isoMilliseconds() -> Int64? {
            guard let y = number(4), skip(0x2D), let mo = number(2), skip(0x2D), let d = number(2),
                (1...12).contains(mo), (1...31).contains(d)
            else { return nil }
            let day = Timestamp.days(year: y, month: mo, day: d)
            guard civil(fromDays: day) == (y, mo, d) else { return nil }  // e.g. Feb 30
            if atEnd { return day * 86_400_000 }
            guard skip(0x54) || skip(0x74) || skip(0x20), let h = number(2), skip(0x3A), let mi = number(2),
                h < 24, mi < 60
            else { return nil }
            var s: Int64 = 0
            var fraction: Int64 = 0
            if skip(0x3A) {
                guard let sec = number(2), sec < 61 else { return nil }
                s = min(sec, 59)
                if skip(0x2E) || skip(0x2C) {
                    var scale: Int64 = 100
                    let start = i
                    while i < bytes.count, isDigit(bytes[i]) {
                        fraction += Int64(bytes[i] - 0x30) * scale
                        scale /= 10
                        i += 1
                    }
                    guard i > start else { return nil }
                }
            }
            var offset: Int64 = 0
            if skip(0x5A) || skip(0x7A) {
                offset = 0
            } else if i < bytes.count, bytes[i] == 0x2B || bytes[i] == 0x2D {
                let sign: Int64 = bytes[i] == 0x2D ? -1 : 1
                i += 1
                guard let oh = number(2) else { return nil }
                _ = skip(0x3A)
                let om = number(2) ?? 0
                offset = sign * (oh * 60 + om) * 60_000
            }
            guard atEnd else { return nil }
            return day * 86_400_000 + ((h * 60 + mi) * 60 + s) * 1000 + fraction - offset
        }
    }
}
