import Foundation
import Testing
@testable import TouchpointReports

extension StatisticsTests {
    @Suite("Expected lifetime and currency totals")
    struct CustomerValueStatisticsTests {
        @Test func lifetimeFromAQuartersChurn() throws {
            // 10 of 200 lost in a quarter (91.3125 days = 365.25 / 4): 5% a quarter → 20% a year → 5 years.
            let lifetime = try ExpectedLifetime(atStart: 200, lost: 10, periodDays: 91.3125)
            #expect(isClose(lifetime.periodChurnPercent, 5))
            #expect(isClose(lifetime.annualChurnPercent, 20))
            #expect(isClose(lifetime.years, 5))
            #expect(!lifetime.isCapped && !lifetime.isSmallSample())
        }

        @Test func lifetimeShorterThanAYear() throws {
            // 3 of 4 lost in 30.4375 days (a twelfth of a year): 75% × 12 = 900% a year → 1/9 year.
            let lifetime = try ExpectedLifetime(atStart: 4, lost: 3, periodDays: 30.4375)
            #expect(isClose(lifetime.annualChurnPercent, 900))
            #expect(isClose(lifetime.years, 1.0 / 9))
            #expect(lifetime.isSmallSample())
        }

        @Test func noChurnIsCappedAtTenYears() throws {
            let lifetime = try ExpectedLifetime(atStart: 50, lost: 0, periodDays: 28)
            #expect(lifetime.annualChurnPercent == 0)
            #expect(lifetime.years == ExpectedLifetime.capYears && lifetime.isCapped)
        }

        @Test func churnNearZeroIsCappedToo() throws {
            // 1 of 1000 in a year: 0.1% a year → 1000 years uncapped; 10 years reported.
            let low = try ExpectedLifetime(atStart: 1000, lost: 1, periodDays: 365.25)
            #expect(isClose(low.annualChurnPercent, 0.1))
            #expect(low.years == 10 && low.isCapped)
            // Exactly 10% a year is 10 years either way; 11% is not capped (≈ 9.09 years).
            #expect(try ExpectedLifetime(atStart: 100, lost: 10, periodDays: 365.25).years == 10)
            let eleven = try ExpectedLifetime(atStart: 100, lost: 11, periodDays: 365.25)
            #expect(isClose(eleven.years, 100.0 / 11) && !eleven.isCapped)
        }

        @Test func noCustomersAtTheStartHaveNoLifetime() throws {
            let lifetime = try ExpectedLifetime(atStart: 0, lost: 0, periodDays: 7)
            #expect(lifetime.years == nil && lifetime.annualChurnPercent == nil && !lifetime.isCapped)
        }

        @Test("Impossible lifetimes are rejected", arguments: [(5, 6, 7.0), (5, -1, 7.0), (-1, 0, 7.0), (5, 1, 0.0), (5, 1, -3.0), (5, 1, .infinity)])
        func impossibleLifetimes(atStart: Int, lost: Int, days: Double) {
            #expect(throws: ReportError.self) { try ExpectedLifetime(atStart: atStart, lost: lost, periodDays: days) }
        }

        @Test func totalsNeverMixCurrencies() throws {
            let items: [(amount: Int64?, currency: String?)] = [
                (120_000, "EUR"), (80_000, "eur"), (9_000_000, "JPY"), (nil, "EUR"), (5_000, nil), (nil, nil), (1, ""),
            ]
            let totals = try CurrencyTotals(items)
            #expect(totals.currencies == ["EUR", "JPY"])
            #expect(totals["EUR"]?.n == 2 && totals["EUR"]?.sum == 200_000 && totals["EUR"]?.mean == 100_000)
            #expect(totals["jpy"]?.sum == 9_000_000 && totals["JPY"]?.n == 1)
            #expect(totals.withoutValue == 4)
        }

        @Test func negativeAmountsAndOverflowAreRejected() {
            func totals(_ items: [(amount: Int64?, currency: String?)]) throws(ReportError) -> CurrencyTotals {
                try CurrencyTotals(items)
            }
            #expect(throws: ReportError.self) { try totals([(-1, "EUR")]) }
            let error = #expect(throws: ReportError.self) { try totals([(Int64.max, "EUR"), (1, "EUR")]) }
            #expect(error?.code == .invalidCount)
            #expect((try? totals([(Int64.max, "EUR"), (1, "USD")])) != nil)
        }
    }
}
