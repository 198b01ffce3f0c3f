import Foundation

/// A hybrid logical clock timestamp: wall-clock milliseconds plus a logical counter.
///
/// Packed into one `UInt64` (`physical << 16 | logical`) so it travels as a
/// protobuf `fixed64` and sorts as an integer in SQL. 48 bits of milliseconds
/// last until the year 10889.
public struct HLC: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Milliseconds since the Unix epoch.
    public let physical: UInt64
    /// Counter that orders events within the same millisecond.
    public let logical: UInt16

    /// The largest physical value that fits in the packed form.
    public static let maxPhysical: UInt64 = (1 << 48) - 1
    /// The zero timestamp, older than every real one.
    public static let zero = HLC(physical: 0, logical: 0)

    /// Creates a timestamp from its parts.
    public init(physical: UInt64, logical: UInt16) {
        precondition(physical <= HLC.maxPhysical, "HLC physical time out of range")
        self.physical = physical
        self.logical = logical
    }

    /// Creates a timestamp from its packed form.
    public init(rawValue: UInt64) {
        self.physical = rawValue >> 16
        self.logical = UInt16(truncatingIfNeeded: rawValue)
    }

    /// The packed form: `physical << 16 | logical`.
    public var rawValue: UInt64 { physical << 16 | UInt64(logical) }

    /// The physical part as a `Date`.
    public var date: Date { Date(timeIntervalSince1970: Double(physical) / 1000) }

    public static func < (lhs: HLC, rhs: HLC) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { "\(physical).\(logical)" }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(UInt64.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

extension HLC {
    /// Milliseconds since the Unix epoch for a date, clamped at zero.
    public static func milliseconds(_ date: Date) -> UInt64 {
        let ms = (date.timeIntervalSince1970 * 1000).rounded(.down)
        return ms <= 0 ? 0 : min(UInt64(ms), maxPhysical)
    }
}
