import Foundation

/// A timestamp too far ahead of the local wall clock: the sender's clock is wrong.
public struct ClockSkewError: Error, Sendable, CustomStringConvertible {
    /// How far ahead the timestamp is, in milliseconds.
    public let aheadMilliseconds: UInt64
    /// The bound that was exceeded, in milliseconds.
    public let boundMilliseconds: UInt64

    public var description: String {
        "clock skew: timestamp is \(aheadMilliseconds / 1000)s ahead of this clock "
            + "(bound \(boundMilliseconds / 1000)s); check the device's date and time"
    }

    /// Throws when `hlc` is more than `maxSkew` seconds ahead of `wall` (ms).
    public static func check(_ hlc: HLC, wall: UInt64, maxSkew: TimeInterval) throws {
        let bound = UInt64(max(0, maxSkew) * 1000)
        guard hlc.physical > wall, hlc.physical - wall > bound else { return }
        throw ClockSkewError(aheadMilliseconds: hlc.physical - wall, boundMilliseconds: bound)
    }
}
