import Foundation
import Testing
@testable import TouchpointReports

extension StatisticsTests {
    @Suite("NetPromoterScore")
    struct NetPromoterScoreTests {
        @Test("NPSBucket boundaries", arguments: [
            (0, NPSBucket.detractor), (6, .detractor), (7, .passive), (8, .passive), (9, .promoter), (10, .promoter),
        ])
        func bucketBoundaries(score: Int, bucket: NPSBucket) throws {
            #expect(try NPSBucket(score: score) == bucket)
        }

        @Test("NPSBucket rejects scores outside 0–10", arguments: [-1, 11, 100, Int.min])
        func bucketRejectsOutOfRange(score: Int) {
            let error = #expect(throws: ReportError.self) { try NPSBucket(score: score) }
            #expect(error?.code == .scoreOutOfRange)
            #expect(error?.message.contains("\(score)") == true)
        }

        @Test func tenAnswersHandComputed() throws {
            // 5 promoters (10, 10, 9, 9, 9), 3 passives (8, 8, 7), 2 detractors (3, 0); n = 10.
            // p = .5, d = .2 → NPS = (.5 − .2)·100 = 30.
            // V = p + d − (p − d)² = .7 − .09 = .61; MoE = 1.96·√(.61/10)·100 = 1.96·.24698·100 ≈ 48.41.
            let nps = try NetPromoterScore(scores: [10, 10, 9, 9, 9, 8, 8, 7, 3, 0])
            #expect(nps.promoters == 5 && nps.passives == 3 && nps.detractors == 2 && nps.n == 10)
            #expect(isClose(nps.promoterShare, 0.5))
            #expect(isClose(nps.detractorShare, 0.2))
            #expect(isClose(nps.score, 30))
            #expect(isClose(nps.variance, 0.61))
            #expect(isClose(nps.marginOfError, 48.41, tolerance: 0.005))
            // 30 − 48.41 = −18.41 and 30 + 48.41 = 78.41, both inside −100…100.
            let wald = try #require(nps.waldInterval)
            #expect(isClose(wald.center, 30))
            #expect(isClose(wald.lower, -18.41, tolerance: 0.005))
            #expect(isClose(wald.upper, 78.41, tolerance: 0.005))
            #expect(nps.isSmallSample())
        }

        @Test func adjustedWaldHandComputed() throws {
            // Same answers. n' = 13, p' = 5.75/13 ≈ .44231, d' = 2.75/13 ≈ .21154.
            // Centre = (p' − d')·100 = 3/13·100 ≈ 23.08.
            // V' = 8.5/13 − (3/13)² ≈ .65385 − .05325 = .60059; MoE' = 1.96·√(.60059/13)·100 ≈ 42.13.
            let nps = try NetPromoterScore(promoters: 5, passives: 3, detractors: 2)
            let adjusted = try #require(nps.adjustedWaldInterval)
            #expect(isClose(adjusted.center, 23.08, tolerance: 0.005))
            #expect(isClose(adjusted.marginOfError, 42.13, tolerance: 0.005))
            #expect(isClose(adjusted.lower, 23.08 - 42.13, tolerance: 0.01))
            #expect(isClose(adjusted.upper, 23.08 + 42.13, tolerance: 0.01))
        }

        @Test func emptyInputHasNoScore() throws {
            let nps = try NetPromoterScore(scores: [])
            #expect(nps.n == 0)
            #expect(nps.score == nil)  // nil, not 0: "no answers" is not "neutral"
            #expect(nps.promoterShare == nil && nps.detractorShare == nil && nps.variance == nil)
            #expect(nps.marginOfError == nil && nps.waldInterval == nil && nps.adjustedWaldInterval == nil)
            #expect(nps.isSmallSample())
        }

        @Test("A single answer", arguments: [(10, 100.0), (9, 100.0), (8, 0.0), (7, 0.0), (6, -100.0), (0, -100.0)])
        func singleAnswer(score: Int, expected: Double) throws {
            // One answer: p and d are each 0 or 1, so V = p + d − (p − d)² = 0 and MoE = 0.
            let nps = try NetPromoterScore(scores: [score])
            #expect(nps.n == 1)
            #expect(isClose(nps.score, expected))
            #expect(isClose(nps.marginOfError, 0))
        }

        @Test func singlePromoterAdjustedWald() throws {
            // n' = 4, p' = 1.75/4 = .4375, d' = .75/4 = .1875 → centre 25.
            // V' = .625 − .0625 = .5625; MoE' = 1.96·√(.5625/4)·100 = 1.96·.375·100 = 73.5 → 25 ± 73.5.
            let adjusted = try #require(try NetPromoterScore(scores: [10]).adjustedWaldInterval)
            #expect(isClose(adjusted.center, 25))
            #expect(isClose(adjusted.marginOfError, 73.5))
            #expect(isClose(adjusted.lower, -48.5))
            #expect(isClose(adjusted.upper, 98.5))
        }

        @Test func allPromotersHaveZeroMargin() throws {
            // 40 × promoters: p = 1, d = 0 → NPS 100, V = 1 + 0 − 1² = 0 → MoE 0.
            let nps = try NetPromoterScore(scores: Array(repeating: 9, count: 20) + Array(repeating: 10, count: 20))
            #expect(isClose(nps.score, 100))
            #expect(isClose(nps.variance, 0))
            #expect(isClose(nps.marginOfError, 0))
            #expect(nps.waldInterval?.lower == 100 && nps.waldInterval?.upper == 100)
            #expect(!nps.isSmallSample())
        }

        @Test func waldIntervalIsClampedToScoreRange() throws {
            // [10, 8]: p = .5, d = 0 → NPS 50; V = .5 − .25 = .25; MoE = 1.96·√(.125)·100 ≈ 69.30.
            // 50 + 69.30 = 119.30 is clamped to 100; the margin itself is reported unclamped.
            let wald = try #require(try NetPromoterScore(scores: [10, 8]).waldInterval)
            #expect(isClose(wald.marginOfError, 69.30, tolerance: 0.005))
            #expect(isClose(wald.lower, -19.30, tolerance: 0.005))
            #expect(wald.upper == 100)
        }

        @Test("DOMAIN.md rule of thumb: ±10 at n ≈ 240, ±5 at n ≈ 970, for V ≈ .625")
        func ruleOfThumb() throws {
            // 75 promoters, 90 passives, 75 detractors (n = 240): p = d = .3125, V = .625.
            // MoE = 1.96·√(.625/240)·100 = 1.96·.05103·100 ≈ 10.00.
            let n240 = try NetPromoterScore(promoters: 75, passives: 90, detractors: 75)
            #expect(isClose(n240.marginOfError, 10.00, tolerance: 0.005))
            // 303 / 364 / 303 (n = 970): V = 606/970 ≈ .62474; MoE = 1.96·√(.62474/970)·100 ≈ 4.97.
            let n970 = try NetPromoterScore(promoters: 303, passives: 364, detractors: 303)
            #expect(isClose(n970.marginOfError, 4.97, tolerance: 0.005))
        }

        @Test("The worst case, half promoters and half detractors (V = 1), needs n ≈ 385 for ±10 and ≈ 1537 for ±5")
        func worstCaseSplit() throws {
            // V = .5 + .5 − 0² = 1, so MoE = 196/√n.
            // n = 240: 196/15.492 ≈ 12.65 — the rule of thumb does not hold at the worst case.
            #expect(isClose(try NetPromoterScore(promoters: 120, passives: 0, detractors: 120).marginOfError, 12.65, tolerance: 0.005))
            // n = 386: 196/19.647 ≈ 9.98 ≤ 10.
            #expect(isClose(try NetPromoterScore(promoters: 193, passives: 0, detractors: 193).marginOfError, 9.98, tolerance: 0.005))
            // n = 970: 196/31.145 ≈ 6.29.
            #expect(isClose(try NetPromoterScore(promoters: 485, passives: 0, detractors: 485).marginOfError, 6.29, tolerance: 0.005))
            // n = 1538: 196/39.217 ≈ 5.00 (4.998).
            #expect(isClose(try NetPromoterScore(promoters: 769, passives: 0, detractors: 769).marginOfError, 5.00, tolerance: 0.005))
        }

        @Test func outOfRangeAnswerIsRejected() {
            let error = #expect(throws: ReportError.self) { try NetPromoterScore(scores: [10, 9, 11, 0]) }
            #expect(error?.code == .scoreOutOfRange)
            #expect(error?.message == "NPS answer 11 is outside the 0–10 scale")
        }

        @Test func negativeCountsAreRejected() {
            let error = #expect(throws: ReportError.self) {
                try NetPromoterScore(promoters: 3, passives: -1, detractors: 0)
            }
            #expect(error?.code == .invalidCount)
        }

        @Test func codableRoundTripAndValidatedDecoding() throws {
            let nps = try NetPromoterScore(promoters: 5, passives: 3, detractors: 2)
            let data = try JSONEncoder().encode(nps)
            #expect(try JSONDecoder().decode(NetPromoterScore.self, from: data) == nps)
            let forged = Data(#"{"promoters": 5, "passives": -3, "detractors": 2}"#.utf8)
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(NetPromoterScore.self, from: forged) }
        }
    }
}
