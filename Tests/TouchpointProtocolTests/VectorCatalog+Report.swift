import SwiftProtobuf
import TouchpointProtocol

/// The admin `report` vectors: a week cut by channel for the `smb` segment, with every message
/// the typed report uses (figures with and without data, intervals, the trend, the journey map,
/// the retention counts, CLV and revenue at risk).
extension VectorCatalog {
    static let reportWeekStartMs: UInt64 = 1_793_577_600_000  // 2026-11-02T00:00:00Z, a Monday (2026-W45)
    static let reportWeekEndMs: UInt64 = 1_794_182_400_000  // 2026-11-09T00:00:00Z

    static func reportRequest() -> Touchpoint_V1_ReportRequest {
        .with {
            $0.dimensions = [.channel]
            $0.startMs = reportWeekStartMs
            $0.endMs = reportWeekEndMs
            $0.reportFilters = [.with { $0.dimension = .segment; $0.values = ["smb"] }]
            $0.smallSampleThreshold = 30
            $0.trendUnit = .week
        }
    }

    /// Three phone interactions; NPS answers 10, 9 and 3; CSAT 5 and 4; two cases opened, one
    /// resolved in 2 h at first contact; the detractor's closed-loop follow-up still open; four
    /// smb customers active all week.
    static func reportResponse() -> Touchpoint_V1_ReportResponse {
        let figures = Touchpoint_V1_ReportFigures.with {
            $0.nps = figure(100.0 / 3, n: 3, margin: 106.6888865745562, lower: -73.35555324122286, upper: 100)
            $0.csat = figure(100, n: 2, margin: 32.881402355519036, lower: 34.23719528896193, upper: 100)
            $0.ces = figure(nil, n: 0)
            $0.interactions = count(3)
            $0.casesOpened = count(2)
            $0.ttrMedian = figure(7200, n: 1)
            $0.ttrP90 = figure(7200, n: 1)
            $0.fcr = figure(100, n: 1, margin: 39.67283542630536, lower: 20.654329147389287, upper: 100)
            $0.reopenRate = figure(0, n: 1, margin: 39.67283542630536, lower: 0, upper: 79.34567085261071)
            $0.detractorsWithoutFollowUp = count(0, of: 1)
            $0.closedLoopOpen = count(1, of: 1)
            $0.closedLoopCloseMedian = figure(nil, n: 0)
        }
        var overall = figures
        overall.churn = figure(0, n: 4)
        overall.retention = figure(100, n: 4)
        // The three customers served hold 1200.00 and 600.00 EUR a year and one has no value; no one
        // was lost, so the lifetime is the 10-year cap. The detractor (600.00 EUR) is at risk.
        let customerValue = Touchpoint_V1_ReportCustomerValue.with {
            $0.customers = 3
            $0.withoutValue = 1
            $0.atRisk = 1
            $0.lifetime = .with {
                $0.atStart = 4
                $0.periodDays = 7
                $0.annualChurnPercent = 0
                $0.years = 10
                $0.capped = true
            }
            $0.currencies = [.with {
                $0.currency = "EUR"
                $0.meanAnnualValue = figure(90_000, n: 2)
                $0.clv = figure(900_000, n: 2)
                $0.revenueAtRisk = count(60_000, of: 1)
            }]
        }
        return .with {
            $0.request = reportRequest()
            $0.generatedAtMs = 1_794_211_200_000  // 2026-11-09T08:00:00Z
            $0.period = .with { $0.startMs = reportWeekStartMs; $0.endMs = reportWeekEndMs }
            $0.dimensions = [.channel]
            $0.overall = .with { $0.figures = overall; $0.customerValue = customerValue }
            $0.groups = [.with { $0.key = ["phone"]; $0.figures = figures; $0.customerValue = customerValue }]
            $0.retentionCounts = .with { $0.atStart = 4; $0.atEnd = 4 }
            $0.trendUnit = .week
            $0.trend = [.with {
                $0.period = .with { $0.label = "2026-W45"; $0.startMs = reportWeekStartMs; $0.endMs = reportWeekEndMs }
                $0.figures = figures
            }]
            $0.journeyMap = [.with {
                $0.stage = "support"
                $0.touchpoint = "billing"
                $0.interactions = 3
                $0.nps = figures.nps
                $0.csat = figures.csat
            }]
        }
    }

    /// An estimate: no value means no data; below 30 observations it is a small sample.
    private static func figure(
        _ value: Double?, n: UInt64, margin: Double? = nil, lower: Double? = nil, upper: Double? = nil
    ) -> Touchpoint_V1_ReportFigure {
        .with {
            if let value { $0.value = value }
            $0.n = n
            if let margin { $0.marginOfError = margin }
            if let lower { $0.lower = lower }
            if let upper { $0.upper = upper }
            $0.smallSample = n < 30
        }
    }

    /// An exact count, never flagged; `of` is what it counts out of.
    private static func count(_ value: UInt64, of n: UInt64? = nil) -> Touchpoint_V1_ReportFigure {
        .with {
            $0.value = Double(value)
            $0.n = n ?? value
        }
    }
}
