import Foundation
import Testing
@testable import TouchpointReports

extension StatisticsTests {
    @Suite("Percentile and ResolutionTimes")
    struct ResolutionTimesTests {
        @Test("Linear interpolation between closest ranks, as numpy's default", arguments: [
            // [1, 2, 3, 4]: h = 3·q. Median: h = 1.5 → 2 + .5·(3 − 2) = 2.5; p90: h = 2.7 → 3 + .7·1 = 3.7.
            ([1, 2, 3, 4], 0.5, 2.5), ([1, 2, 3, 4], 0.9, 3.7),
            // 10, 20, …, 100: h = 9·q. Median: h = 4.5 → 55; p90: h = 8.1 → 90 + .1·10 = 91.
            ([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.5, 55), ([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.9, 91),
            // Odd count: [1, 3, 8]: median h = 1 → 3 exactly; p90 h = 1.8 → 3 + .8·5 = 7.
            ([1, 3, 8], 0.5, 3), ([1, 3, 8], 0.9, 7),
            // Ties: [5, 5, 5, 5, 100]: median h = 2 → 5; p90 h = 3.6 → 5 + .6·95 = 62.
            ([5, 5, 5, 5, 100], 0.5, 5), ([5, 5, 5, 5, 100], 0.9, 62),
            // All equal: every percentile is that value.
            ([7, 7, 7], 0.9, 7),
            // Unsorted input is sorted first: [4, 1, 3, 2] is [1, 2, 3, 4].
            ([4, 1, 3, 2], 0.9, 3.7),
            // Ends: q = 0 is the minimum, q = 1 the maximum.
            ([4, 1, 3, 2], 0, 1), ([4, 1, 3, 2], 1, 4),
            // One value.
            ([42], 0.5, 42), ([42], 0.9, 42),
        ] as [([Double], Double, Double)])
        func percentile(values: [Double], fraction: Double, expected: Double) {
            #expect(isClose(Percentile.interpolated(fraction, of: values), expected, tolerance: 1e-9))
        }

        @Test func percentileOfNothingIsNil() {
            #expect(Percentile.interpolated(0.5, of: [Double]()) == nil)
        }

        @Test func durationsHandComputed() throws {
            // 1 h, 2 h, 3 h, 4 h in seconds. Median h = 1.5 → 7200 + .5·3600 = 9000 (2 h 30 min);
            // p90 h = 2.7 → 10800 + .7·3600 = 13320 (3 h 42 min); mean 36000/4 = 9000.
            let times = try ResolutionTimes(durations: [3600, 7200, 10800, 14400])
            #expect(times.n == 4 && times.unresolved == 0)
            #expect(isClose(times.median, 9000))
            #expect(isClose(times.p90, 13320))
            #expect(isClose(times.mean, 9000))
            #expect(times.isSmallSample())
        }

        @Test func skewedDurationsWithTies() throws {
            // 60, 60, 60, 60, 86400 s: median h = 2 → 60; p90 h = 3.6 → 60 + .6·86340 = 51864;
            // mean (240 + 86400)/5 = 17328 — the mean is dragged by one slow case, the median is not.
            let times = try ResolutionTimes(durations: [60, 86400, 60, 60, 60])
            #expect(isClose(times.median, 60))
            #expect(isClose(times.p90, 51864))
            #expect(isClose(times.mean, 17328))
        }

        @Test func casesSkipUnresolved() throws {
            // Resolved after 10 min, 30 min and 20 min; two cases still open.
            // Sorted 600, 1200, 1800: median 1200; p90 h = 1.8 → 1200 + .8·600 = 1680; mean 1200.
            let opened = Date(timeIntervalSince1970: 1_700_000_000)
            let cases: [(openedAt: Date, resolvedAt: Date?)] = [
                (opened, opened.addingTimeInterval(600)),
                (opened, nil),
                (opened.addingTimeInterval(50), opened.addingTimeInterval(1850)),
                (opened, opened.addingTimeInterval(1200)),
                (opened, nil),
            ]
            let times = try ResolutionTimes(cases: cases)
            #expect(times.n == 3 && times.unresolved == 2)
            #expect(isClose(times.median, 1200))
            #expect(isClose(times.p90, 1680))
            #expect(isClose(times.mean, 1200))
        }

        @Test func emptyAndAllUnresolved() throws {
            let empty = try ResolutionTimes(durations: [])
            #expect(empty.n == 0 && empty.median == nil && empty.p90 == nil && empty.mean == nil)
            let open = try ResolutionTimes(cases: [(openedAt: Date(timeIntervalSince1970: 0), resolvedAt: nil)])
            #expect(open.n == 0 && open.unresolved == 1 && open.median == nil)
        }

        @Test func singleCase() throws {
            let times = try ResolutionTimes(durations: [90])
            #expect(times.median == 90 && times.p90 == 90 && times.mean == 90)
        }

        @Test func zeroDurationIsAllowed() throws {
            #expect(try ResolutionTimes(durations: [0, 0]).median == 0)
        }

        @Test("Negative and non-finite durations are rejected", arguments: [-1, -0.001, .nan, .infinity] as [Double])
        func rejectsBadDurations(duration: Double) {
            let error = #expect(throws: ReportError.self) { try ResolutionTimes(durations: [60, duration]) }
            #expect(error?.code == .invalidDuration)
        }

        @Test func resolvedBeforeOpenedIsRejected() {
            let opened = Date(timeIntervalSince1970: 1_700_000_000)
            let error = #expect(throws: ReportError.self) {
                try ResolutionTimes(cases: [(openedAt: opened, resolvedAt: opened.addingTimeInterval(-5))])
            }
            #expect(error?.code == .invalidDuration)
        }
    }
}
