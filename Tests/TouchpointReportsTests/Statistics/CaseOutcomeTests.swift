import Testing
@testable import TouchpointReports

extension StatisticsTests {
    @Suite("First-contact resolution and reopen rate")
    struct CaseOutcomeTests {
        /// Eight cases:
        /// - 4 resolved, no customer interaction after the first, never reopened;
        /// - 1 resolved after the customer came back twice;
        /// - 1 resolved, no logged interaction, but reopened once and resolved again;
        /// - 1 open, never resolved;
        /// - 1 reopened twice and open now.
        static let cases: [CaseOutcome] =
            Array(repeating: CaseOutcome(isResolved: true), count: 4) + [
                CaseOutcome(isResolved: true, customerInteractionsAfterFirst: 2),
                CaseOutcome(isResolved: true, timesReopened: 1),
                CaseOutcome(isResolved: false, customerInteractionsAfterFirst: 1),
                CaseOutcome(isResolved: false, customerInteractionsAfterFirst: 3, timesReopened: 2),
            ]

        @Test func firstContactResolutionHandComputed() throws {
            // Resolved now: 4 + 1 + 1 = 6. At first contact: the 4 (the reopened one does not count).
            // FCR = 4/6 ≈ 66.67%.
            let fcr = try ProportionEstimate.firstContactResolution(cases: Self.cases)
            #expect(fcr.successes == 4 && fcr.n == 6)
            #expect(isClose(fcr.percent, 66.667, tolerance: 0.0005))
        }

        @Test func reopenRateHandComputed() throws {
            // Resolved at least once: the 6 resolved now plus the one reopened and open now = 7.
            // Reopened at least once: 2. Reopen rate = 2/7 ≈ 28.57%.
            let reopen = try ProportionEstimate.reopenRate(cases: Self.cases)
            #expect(reopen.successes == 2 && reopen.n == 7)
            #expect(isClose(reopen.percent, 28.571, tolerance: 0.0005))
        }

        @Test func noResolvedCases() throws {
            let open = [CaseOutcome(isResolved: false), CaseOutcome(isResolved: false, customerInteractionsAfterFirst: 4)]
            #expect(try ProportionEstimate.firstContactResolution(cases: open).percent == nil)
            #expect(try ProportionEstimate.reopenRate(cases: open).percent == nil)
            #expect(try ProportionEstimate.firstContactResolution(cases: []).n == 0)
        }

        @Test func singleCase() throws {
            let fcr = try ProportionEstimate.firstContactResolution(cases: [CaseOutcome(isResolved: true)])
            #expect(fcr.percent == 100 && fcr.isSmallSample())
            let notFirst = [CaseOutcome(isResolved: true, customerInteractionsAfterFirst: 1)]
            #expect(try ProportionEstimate.firstContactResolution(cases: notFirst).percent == 0)
        }

        @Test("Negative counts are rejected", arguments: [
            CaseOutcome(isResolved: true, customerInteractionsAfterFirst: -1),
            CaseOutcome(isResolved: false, timesReopened: -2),
        ])
        func rejectsNegativeCounts(outcome: CaseOutcome) {
            let fcr = #expect(throws: ReportError.self) { try ProportionEstimate.firstContactResolution(cases: [outcome]) }
            #expect(fcr?.code == .invalidCount)
            let reopen = #expect(throws: ReportError.self) { try ProportionEstimate.reopenRate(cases: [outcome]) }
            #expect(reopen?.code == .invalidCount)
        }
    }
}
