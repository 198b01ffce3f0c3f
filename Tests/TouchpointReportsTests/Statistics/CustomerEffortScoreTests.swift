import Foundation
import Testing
@testable import TouchpointReports

extension StatisticsTests {
    @Suite("CustomerEffortScore")
    struct CustomerEffortScoreTests {
        @Test func handComputed() throws {
            // 7 + 6 + 5 + 3 + 1 = 22 over 5 answers → mean 4.4; 5–7: three of five → 60%.
            let ces = try CustomerEffortScore(scores: [7, 6, 5, 3, 1])
            #expect(ces.n == 5 && ces.sum == 22 && ces.easyAnswers == 3)
            #expect(isClose(ces.mean, 4.4))
            #expect(isClose(ces.easyShare.percent, 60))
            #expect(ces.easyShare.n == 5)
            #expect(ces.isSmallSample())
        }

        @Test func boundaryBetweenHardAndEasy() throws {
            // 4 is not easy, 5 is: mean (4 + 5)/2 = 4.5, easy 1 of 2 = 50%.
            let ces = try CustomerEffortScore(scores: [4, 5])
            #expect(isClose(ces.mean, 4.5))
            #expect(isClose(ces.easyShare.percent, 50))
        }

        @Test func emptyHasNoMean() throws {
            let ces = try CustomerEffortScore(scores: [])
            #expect(ces.n == 0 && ces.mean == nil && ces.easyShare.percent == nil)
        }

        @Test func singleAnswer() throws {
            let ces = try CustomerEffortScore(scores: [7])
            #expect(ces.mean == 7 && ces.easyShare.percent == 100)
        }

        @Test("CES rejects answers outside 1–7", arguments: [0, 8, -1])
        func rejectsOutOfRange(score: Int) {
            let error = #expect(throws: ReportError.self) { try CustomerEffortScore(scores: [3, score]) }
            #expect(error?.code == .scoreOutOfRange)
            #expect(error?.message == "CES answer \(score) is outside the 1–7 scale")
        }

        @Test func totalsMatchAnswers() throws {
            let fromAnswers = try CustomerEffortScore(scores: [7, 6, 5, 3, 1])
            #expect(try CustomerEffortScore(n: 5, sum: 22, easyAnswers: 3) == fromAnswers)
        }

        @Test("Impossible totals are rejected", arguments: [
            (2, 15, 1),  // two answers sum to at most 14
            (2, 9, 2),  // two easy answers sum to at least 10
            (3, 20, 1),  // one easy (≤ 7) and two others (≤ 4 each) sum to at most 15
            (2, 2, 3),  // more easy answers than answers
            (-1, 0, 0),
            (0, 1, 0),  // no answers sum to 0
        ])
        func impossibleTotals(n: Int, sum: Int, easyAnswers: Int) {
            let error = #expect(throws: ReportError.self) { try CustomerEffortScore(n: n, sum: sum, easyAnswers: easyAnswers) }
            #expect(error?.code == .invalidCount)
        }

        @Test func codableRoundTripAndValidatedDecoding() throws {
            let ces = try CustomerEffortScore(scores: [2, 6, 7])
            #expect(try JSONDecoder().decode(CustomerEffortScore.self, from: JSONEncoder().encode(ces)) == ces)
            let forged = Data(#"{"n": 1, "sum": 9, "easyAnswers": 1}"#.utf8)
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(CustomerEffortScore.self, from: forged) }
        }
    }
}
