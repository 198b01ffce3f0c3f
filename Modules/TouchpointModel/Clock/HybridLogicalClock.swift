import Foundation

/// The clock of one replica: issues strictly increasing HLC timestamps.
///
/// ```swift
/// var clock = HybridLogicalClock(site: .random())
/// let version = clock.tick()           // a local edit
/// try clock.receive(remote.hlc)        // a change from another replica
/// ```
public struct HybridLogicalClock: Sendable {
    /// The replica this clock stamps for.
    public let site: SiteID
    /// The last timestamp issued or observed.
    public private(set) var last: HLC

    /// Creates a clock, resuming after `last` (persisted by the store).
    public init(site: SiteID, last: HLC = .zero) {
        self.site = site
        self.last = last
    }

    /// Stamps a local event: `max(now, last) `, with the counter bumped on a tie.
    public mutating func tick(now: Date = Date()) -> FieldVersion {
        let wall = HLC.milliseconds(now)
        last = Self.advance(last, wall: wall)
        return FieldVersion(hlc: last, site: site)
    }

    /// Observes a remote timestamp so later local ticks sort after it.
    ///
    /// Throws ``ClockSkewError`` when `remote` is more than `maxSkew` ahead of `now`:
    /// accepting it would drag this clock into the future. Also throws, whatever
    /// `maxSkew`, for a timestamp in the last millisecond the packed form holds
    /// (2^48 - 1, in the year 10889): no clock could tick past it.
    public mutating func receive(_ remote: HLC, now: Date = Date(), maxSkew: TimeInterval? = nil) throws {
        let wall = HLC.milliseconds(now)
        if let maxSkew {
            try ClockSkewError.check(remote, wall: wall, maxSkew: maxSkew)
        }
        guard remote.physical < HLC.maxPhysical else {
            let end = HLC.maxPhysical - 1
            throw ClockSkewError(aheadMilliseconds: remote.physical - min(wall, end), boundMilliseconds: end - min(wall, end))
        }
        let top = max(last, remote)
        last = Self.advance(top, wall: wall)
    }

    static func advance(_ previous: HLC, wall: UInt64) -> HLC {
        if wall > previous.physical { return HLC(physical: wall, logical: 0) }
        if previous.logical == .max {
            // The end of the clock (year 10889) stays put rather than wrapping: `receive`
            // refuses the timestamps that lead there, so only a wall clock that far ahead could.
            guard previous.physical < HLC.maxPhysical else { return previous }
            return HLC(physical: previous.physical + 1, logical: 0)
        }
        return HLC(physical: previous.physical, logical: previous.logical + 1)
    }
}
