import Foundation
import PropertyBased
import Testing
@testable import TouchpointModel

@Suite struct HLCTests {
    let site = SiteID(UUID(uuidString: "00000000-0000-0000-0000-000000000001")!)

    @Test func packsAndUnpacks() {
        let hlc = HLC(physical: 1_700_000_000_123, logical: 7)
        #expect(HLC(rawValue: hlc.rawValue) == hlc)
        #expect(HLC(physical: 5, logical: 0) > HLC(physical: 4, logical: 9))
        #expect(HLC(physical: 5, logical: 2) > HLC(physical: 5, logical: 1))
    }

    @Test func tickUsesWallClockWhenAhead() {
        var clock = HybridLogicalClock(site: site)
        let v = clock.tick(now: Date(timeIntervalSince1970: 100))
        #expect(v.hlc == HLC(physical: 100_000, logical: 0))
        #expect(v.site == site)
    }

    @Test func tickBumpsCounterWhenWallClockStandsStillOrGoesBack() {
        var clock = HybridLogicalClock(site: site, last: HLC(physical: 200_000, logical: 3))
        #expect(clock.tick(now: Date(timeIntervalSince1970: 100)).hlc == HLC(physical: 200_000, logical: 4))
        #expect(clock.tick(now: Date(timeIntervalSince1970: 200)).hlc == HLC(physical: 200_000, logical: 5))
    }

    @Test func counterOverflowCarriesIntoPhysical() {
        var clock = HybridLogicalClock(site: site, last: HLC(physical: 10, logical: .max))
        #expect(clock.tick(now: Date(timeIntervalSince1970: 0)).hlc == HLC(physical: 11, logical: 0))
    }

    @Test func theLargestTimestampIsRefusedNotATrap() throws {
        // 2^48 - 1 ms (year 10889) leaves no room to tick past it: receiving it must throw, not trap.
        var clock = HybridLogicalClock(site: site, last: HLC(physical: 500_000, logical: 0))
        #expect(throws: ClockSkewError.self) { try clock.receive(HLC(rawValue: .max), now: Date(timeIntervalSince1970: 100)) }
        #expect(throws: ClockSkewError.self) {
            try clock.receive(HLC(physical: HLC.maxPhysical, logical: 0), now: Date(timeIntervalSince1970: 100))
        }
        #expect(clock.last == HLC(physical: 500_000, logical: 0), "a refused timestamp must not move the clock")
        try clock.receive(HLC(physical: HLC.maxPhysical - 1, logical: .max), now: Date(timeIntervalSince1970: 100))
        #expect(clock.tick(now: Date(timeIntervalSince1970: 100)).hlc == HLC(physical: HLC.maxPhysical, logical: 1))
    }

    @Test func receiveMovesPastRemote() throws {
        var clock = HybridLogicalClock(site: site)
        try clock.receive(HLC(physical: 500_000, logical: 9), now: Date(timeIntervalSince1970: 100))
        #expect(clock.tick(now: Date(timeIntervalSince1970: 100)).hlc > HLC(physical: 500_000, logical: 9))
    }

    @Test func receiveRefusesTimestampsBeyondTheSkewBound() throws {
        var clock = HybridLogicalClock(site: site)
        let now = Date(timeIntervalSince1970: 1000)
        let farAhead = HLC(physical: 1000_000 + 301_000, logical: 0)
        let error = try #require(throws: ClockSkewError.self) {
            try clock.receive(farAhead, now: now, maxSkew: 300)
        }
        #expect(error.aheadMilliseconds == 301_000)
        #expect(error.description.contains("301s ahead"))
        #expect(clock.last == .zero, "a refused timestamp must not move the clock")
        try clock.receive(HLC(physical: 1000_000 + 299_000, logical: 0), now: now, maxSkew: 300)
    }

    @Test func siteOrderIsByteOrderAndMatchesText() {
        let a = SiteID(UUID(uuidString: "0A000000-0000-0000-0000-000000000000")!)
        let b = SiteID(UUID(uuidString: "B0000000-0000-0000-0000-000000000000")!)
        #expect(a < b)
        #expect(a.description < b.description)
    }

    @Test func ticksAreStrictlyIncreasingWhateverTheWallClockDoes() async {
        await propertyCheck(input: Gen.int(in: -5_000...5_000).array(of: 1...200)) { jumps in
            var clock = HybridLogicalClock(site: site)
            var wall = 1_000_000.0
            var previous = FieldVersion(hlc: .zero, site: site)
            for jump in jumps {
                wall += Double(jump) / 1000
                let next = clock.tick(now: Date(timeIntervalSince1970: wall))
                #expect(next > previous)
                previous = next
            }
        }
    }

    @Test func receiveThenTickOrdersAfterEverythingSeen() async {
        await propertyCheck(input: Gen.uint64(in: 0...10_000_000).array(of: 1...50)) { remotes in
            var clock = HybridLogicalClock(site: site)
            var seen = HLC.zero
            for raw in remotes {
                let remote = HLC(rawValue: raw)
                seen = max(seen, remote)
                try? clock.receive(remote, now: Date(timeIntervalSince1970: 0))
                #expect(clock.tick(now: Date(timeIntervalSince1970: 0)).hlc > seen)
            }
        }
    }
}
