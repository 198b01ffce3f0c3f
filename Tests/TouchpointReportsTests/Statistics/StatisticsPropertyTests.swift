import PropertyBased
import Testing
@testable import TouchpointReports

extension StatisticsTests {
    @Suite("Metric invariants")
    struct StatisticsPropertyTests {
        @Test func npsStaysInRangeAndInsideItsIntervals() async {
            await propertyCheck(input: Gen.int(in: 0...10).array(of: 1...200)) { scores in
                let nps = try NetPromoterScore(scores: scores)
                let score = try #require(nps.score)
                #expect((-100...100).contains(score))
                #expect(nps.n == scores.count)
                let wald = try #require(nps.waldInterval)
                #expect(wald.contains(score) && wald.marginOfError >= 0)
                let adjusted = try #require(nps.adjustedWaldInterval)
                #expect(-100 <= adjusted.lower && adjusted.lower <= adjusted.upper && adjusted.upper <= 100)
                #expect(try nps == NetPromoterScore(promoters: nps.promoters, passives: nps.passives, detractors: nps.detractors))
            }
        }

        @Test func npsIsTheMeanOfPlusOneZeroMinusOne() async {
            await propertyCheck(input: Gen.int(in: 0...10).array(of: 1...100)) { scores in
                let mean = Double(scores.map { $0 >= 9 ? 1 : $0 >= 7 ? 0 : -1 }.reduce(0, +)) / Double(scores.count)
                let nps = try NetPromoterScore(scores: scores)
                #expect(isClose(nps.score, mean * 100, tolerance: 1e-9))
            }
        }

        @Test func wilsonIntervalContainsThePointEstimate() async {
            await propertyCheck(input: Gen.int(in: 0...2000), Gen.int(in: 0...2000)) { a, b in
                let estimate = try ProportionEstimate(successes: min(a, b), n: max(a, b))
                guard let percent = estimate.percent else { return #expect(max(a, b) == 0) }
                let wilson = try #require(estimate.wilsonInterval)
                #expect(wilson.contains(percent), "\(min(a, b))/\(max(a, b)): \(percent) outside \(wilson)")
                #expect(0 <= wilson.lower && wilson.upper <= 100)
            }
        }

        @Test func wilsonIntervalContainsZeroAndHundredPercentExactly() throws {
            // At 0% and 100% a bound equals the estimate only up to rounding; the interval must still contain it.
            for n in 1...5000 {
                #expect(try ProportionEstimate(successes: 0, n: n).wilsonInterval?.contains(0) == true, "0/\(n)")
                #expect(try ProportionEstimate(successes: n, n: n).wilsonInterval?.contains(100) == true, "\(n)/\(n)")
            }
        }

        @Test func percentilesAreMonotone() async {
            let values = Gen.double(in: 0...1_000_000).array(of: 1...60)
            await propertyCheck(input: values, Gen.double(in: 0...1), Gen.double(in: 0...1)) { values, q1, q2 in
                let low = try #require(Percentile.interpolated(min(q1, q2), of: values))
                let high = try #require(Percentile.interpolated(max(q1, q2), of: values))
                #expect(values.min()! <= low && low <= high && high <= values.max()!)
                let times = try ResolutionTimes(durations: values)
                let median = try #require(times.median), p90 = try #require(times.p90), mean = try #require(times.mean)
                #expect(median <= p90)
                #expect(values.min()! <= mean && mean <= values.max()!)
            }
        }

        @Test func cesMeanStaysOnTheScale() async {
            await propertyCheck(input: Gen.int(in: 1...7).array(of: 1...100)) { scores in
                let ces = try CustomerEffortScore(scores: scores)
                #expect((1...7).contains(try #require(ces.mean)))
                #expect(try ces == CustomerEffortScore(n: ces.n, sum: ces.sum, easyAnswers: ces.easyAnswers))
            }
        }

        @Test func consistentLifecyclesGiveRetentionPlusChurnOfHundred() async {
            let customer = zip(Gen.bool, Gen.bool, Gen.bool, Gen.bool).map { start, end, joined, churned in
                CustomerPeriodFacts(wasActiveAtStart: start, isActiveAtEnd: end, joinedDuringPeriod: joined, churnedDuringPeriod: churned)
            }
            await propertyCheck(input: customer.array(of: 0...80)) { customers in
                let counts = try RetentionCounts(customers: customers.filter(\.isConsistent))
                guard let retention = counts.retentionPercent, let churn = counts.churnPercent else {
                    return #expect(counts.atStart == 0)
                }
                #expect(isClose(retention + churn, 100, tolerance: 1e-9))
                #expect((0...100).contains(retention))
            }
        }

        @Test func firstContactResolutionNeverExceedsResolved() async {
            let outcome = zip(Gen.bool, Gen.int(in: 0...3), Gen.int(in: 0...2)).map { resolved, interactions, reopened in
                CaseOutcome(isResolved: resolved, customerInteractionsAfterFirst: interactions, timesReopened: reopened)
            }
            await propertyCheck(input: outcome.array(of: 0...60)) { cases in
                let fcr = try ProportionEstimate.firstContactResolution(cases: cases)
                let reopen = try ProportionEstimate.reopenRate(cases: cases)
                #expect(fcr.n == cases.filter(\.isResolved).count)
                #expect(fcr.successes <= fcr.n && reopen.successes <= reopen.n)
                #expect(fcr.n <= reopen.n)  // every case resolved now was resolved at least once
            }
        }
    }
}
