import Foundation
import Testing
@testable import TouchpointReports

extension StatisticsTests {
    @Suite("Retention and churn")
    struct RetentionCountsTests {
        @Test func countsHandComputed() throws {
            // 200 at start, 210 at end, 30 new, 20 lost.
            // Retention = (210 − 30)/200 = 180/200 = 90%; churn = 20/200 = 10%.
            let counts = try RetentionCounts(atStart: 200, atEnd: 210, new: 30, lost: 20)
            #expect(counts.n == 200)
            #expect(isClose(counts.retentionPercent, 90))
            #expect(isClose(counts.churnPercent, 10))
            #expect(!counts.isSmallSample())
        }

        @Test func noCustomersAtStart() throws {
            // Everyone is new: rates of an empty base are undefined, not 0% or 100%.
            let counts = try RetentionCounts(atStart: 0, atEnd: 5, new: 5, lost: 0)
            #expect(counts.retentionPercent == nil && counts.churnPercent == nil)
            #expect(counts.isSmallSample())
        }

        @Test("Contradictory counts are rejected", arguments: [
            (-1, 0, 0, 0),
            (10, 10, 0, -1),
            (10, 5, 6, 0),  // more new customers than customers at the end
            (10, 12, 0, 0),  // 12 kept out of 10
            (100, 100, 0, 10),  // 100 kept and 10 lost out of 100
            (0, Int.max, 0, 0),
        ])
        func contradictoryCounts(atStart: Int, atEnd: Int, new: Int, lost: Int) {
            let error = #expect(throws: ReportError.self) {
                try RetentionCounts(atStart: atStart, atEnd: atEnd, new: new, lost: lost)
            }
            #expect(error?.code == .invalidCount)
        }

        @Test func customerFactsHandComputed() throws {
            func facts(_ start: Bool, _ end: Bool, joined: Bool, churned: Bool) -> CustomerPeriodFacts {
                CustomerPeriodFacts(wasActiveAtStart: start, isActiveAtEnd: end, joinedDuringPeriod: joined, churnedDuringPeriod: churned)
            }
            let customers =
                Array(repeating: facts(true, true, joined: false, churned: false), count: 6)  // stayed
                + Array(repeating: facts(true, false, joined: false, churned: true), count: 2)  // churned
                + [facts(true, true, joined: true, churned: true)]  // churned, then came back
                + Array(repeating: facts(false, true, joined: true, churned: false), count: 3)  // new
                + [facts(false, false, joined: true, churned: true)]  // joined and left within the period
                + [facts(false, false, joined: false, churned: false)]  // never a customer
            // Start: 6 + 2 + 1 = 9. End: 6 + 1 + 3 = 10. New (joined, active at end): 1 + 3 = 4.
            // Lost (active at start, churned): 2 + 1 = 3.
            // Retention = (10 − 4)/9 ≈ 66.67%; churn = 3/9 ≈ 33.33%; together 100%.
            let counts = try RetentionCounts(customers: customers)
            #expect(counts.atStart == 9 && counts.atEnd == 10 && counts.new == 4 && counts.lost == 3)
            #expect(isClose(counts.retentionPercent, 66.667, tolerance: 0.0005))
            #expect(isClose(counts.churnPercent, 33.333, tolerance: 0.0005))
        }

        @Test("Impossible lifecycles are rejected", arguments: [
            CustomerPeriodFacts(wasActiveAtStart: false, isActiveAtEnd: true, joinedDuringPeriod: false, churnedDuringPeriod: false),
            CustomerPeriodFacts(wasActiveAtStart: true, isActiveAtEnd: false, joinedDuringPeriod: false, churnedDuringPeriod: false),
            CustomerPeriodFacts(wasActiveAtStart: true, isActiveAtEnd: true, joinedDuringPeriod: false, churnedDuringPeriod: true),
            CustomerPeriodFacts(wasActiveAtStart: false, isActiveAtEnd: false, joinedDuringPeriod: true, churnedDuringPeriod: false),
        ])
        func impossibleLifecycle(customer: CustomerPeriodFacts) {
            #expect(!customer.isConsistent)
            let error = #expect(throws: ReportError.self) { try RetentionCounts(customers: [customer]) }
            #expect(error?.code == .inconsistentFacts)
        }

        @Test func codableRoundTripAndValidatedDecoding() throws {
            let counts = try RetentionCounts(atStart: 200, atEnd: 210, new: 30, lost: 20)
            #expect(try JSONDecoder().decode(RetentionCounts.self, from: JSONEncoder().encode(counts)) == counts)
            let forged = Data(#"{"atStart": 10, "atEnd": 50, "new": 0, "lost": 0}"#.utf8)
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(RetentionCounts.self, from: forged) }
        }
    }
}
