import Foundation
import Testing
@testable import TouchpointReports

extension StatisticsTests {
    @Suite("ProportionEstimate and CSAT")
    struct ProportionEstimateTests {
        @Test func wilsonEightOfTen() throws {
            // p̂ = .8, n = 10, z² = 3.8416 → z²/n = .38416, denominator 1.38416.
            // Centre = (.8 + .19208)/1.38416 ≈ .71674.
            // Half-width = 1.96/1.38416·√(.8·.2/10 + 3.8416/400) = 1.41603·√(.016 + .009604) ≈ .22658.
            // Interval ≈ [.49016, .94332] → [49.02, 94.33] %.
            let estimate = try ProportionEstimate(successes: 8, n: 10)
            #expect(isClose(estimate.proportion, 0.8))
            #expect(isClose(estimate.percent, 80))
            let wilson = try #require(estimate.wilsonInterval)
            #expect(isClose(wilson.center, 71.674, tolerance: 0.0005))
            #expect(isClose(wilson.marginOfError, 22.658, tolerance: 0.0005))
            #expect(isClose(wilson.lower, 49.016, tolerance: 0.0005))
            #expect(isClose(wilson.upper, 94.332, tolerance: 0.0005))
        }

        @Test func wilsonAtZeroAndHundredPercentKeepsWidth() throws {
            // 0 of 10: centre = .19208/1.38416 ≈ .13877, half-width = 1.41603·√(.009604) ≈ .13877
            // → [0, 27.75] %, where a Wald interval would collapse to [0, 0].
            let none = try #require(try ProportionEstimate(successes: 0, n: 10).wilsonInterval)
            #expect(none.lower == 0)
            #expect(isClose(none.upper, 27.754, tolerance: 0.0005))
            // 10 of 10 mirrors it: [72.25, 100] %.
            let all = try #require(try ProportionEstimate(successes: 10, n: 10).wilsonInterval)
            #expect(isClose(all.lower, 72.246, tolerance: 0.0005))
            #expect(isClose(all.upper, 100, tolerance: 1e-9))
        }

        @Test func wilsonSingleSuccess() throws {
            // 1 of 1: z²/n = 3.8416, denominator 4.8416; centre = (1 + 1.9208)/4.8416 ≈ .60327;
            // half-width = 1.96/4.8416·√(3.8416/4) = .40483·.98 ≈ .39673 → [20.65, 100] %.
            let estimate = try ProportionEstimate(successes: 1, n: 1)
            #expect(isClose(estimate.percent, 100))
            let wilson = try #require(estimate.wilsonInterval)
            #expect(isClose(wilson.lower, 20.654, tolerance: 0.0005))
            #expect(isClose(wilson.upper, 100, tolerance: 1e-9))
            #expect(estimate.isSmallSample())
        }

        @Test func emptyHasNoPercent() throws {
            let estimate = try ProportionEstimate(successes: 0, n: 0)
            #expect(estimate.proportion == nil && estimate.percent == nil && estimate.wilsonInterval == nil)
            #expect(estimate.isSmallSample())
        }

        @Test("Impossible counts are rejected", arguments: [(11, 10), (-1, 10), (0, -1)])
        func impossibleCounts(successes: Int, n: Int) {
            let error = #expect(throws: ReportError.self) { try ProportionEstimate(successes: successes, n: n) }
            #expect(error?.code == .invalidCount)
        }

        @Test func csatHandComputed() throws {
            // Answers 5, 4, 4, 3, 2, 1, 5, 5, 4, 3: six are 4–5 (5, 4, 4, 5, 5, 4) → 6/10 = 60%.
            // Wilson: centre (.6 + .19208)/1.38416 ≈ .57225, half-width 1.41603·√(.024 + .009604) ≈ .25958
            // → [31.27, 83.18] %.
            let csat = try ProportionEstimate.customerSatisfaction(scores: [5, 4, 4, 3, 2, 1, 5, 5, 4, 3])
            #expect(csat.successes == 6 && csat.n == 10)
            #expect(isClose(csat.percent, 60))
            #expect(isClose(csat.wilsonInterval?.lower, 31.267, tolerance: 0.0005))
            #expect(isClose(csat.wilsonInterval?.upper, 83.182, tolerance: 0.0005))
        }

        @Test func csatEmptyAndSingle() throws {
            #expect(try ProportionEstimate.customerSatisfaction(scores: []).percent == nil)
            #expect(try ProportionEstimate.customerSatisfaction(scores: [4]).percent == 100)
            #expect(try ProportionEstimate.customerSatisfaction(scores: [3]).percent == 0)
        }

        @Test("CSAT rejects answers outside 1–5", arguments: [0, 6, -4])
        func csatRejectsOutOfRange(score: Int) {
            let error = #expect(throws: ReportError.self) {
                try ProportionEstimate.customerSatisfaction(scores: [5, score])
            }
            #expect(error?.code == .scoreOutOfRange)
            #expect(error?.message == "CSAT answer \(score) is outside the 1–5 scale")
        }

        @Test func smallSampleThreshold() throws {
            #expect(try ProportionEstimate(successes: 10, n: 29).isSmallSample())
            #expect(!(try ProportionEstimate(successes: 10, n: 30).isSmallSample()))
            #expect(try ProportionEstimate(successes: 10, n: 30).isSmallSample(threshold: 100))
            #expect(!(try ProportionEstimate(successes: 1, n: 5).isSmallSample(threshold: 5)))
            #expect(SampleSize.defaultSmallSampleThreshold == 30)
        }

        @Test func codableRoundTripAndValidatedDecoding() throws {
            let estimate = try ProportionEstimate(successes: 3, n: 7)
            #expect(try JSONDecoder().decode(ProportionEstimate.self, from: JSONEncoder().encode(estimate)) == estimate)
            let forged = Data(#"{"successes": 8, "n": 7}"#.utf8)
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(ProportionEstimate.self, from: forged) }
        }
    }
}
