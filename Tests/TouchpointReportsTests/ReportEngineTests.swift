import Foundation
import Testing
import TouchpointModel
import TouchpointReports

@Suite("Report figures on the hand-computed fixture")
struct ReportEngineTests {
    @Test func overallFigures() throws {
        let result = try Fixture.report()
        let row = result.overall
        // NPS: 11 answers in the period (f1…f11; f12 at `to` and f13 in October are out).
        // Promoters f1 f2 f3 f5 f8 = 5, passives f6 f9 f10 = 3, detractors f4 f7 f11 = 3.
        // NPS = (5 − 3)/11 · 100 = 18.18. p = 5/11, d = 3/11, V = 8/11 − (2/11)² = 0.69421,
        // MoE = 1.96 · √(0.69421/11) · 100 = 49.24.
        let nps = try #require(row[.nps])
        #expect(nps.n == 11)
        #expect(isClose(nps.value, 18.182))
        #expect(isClose(nps.marginOfError, 49.239))
        #expect(nps.isSmallSample)
        // CSAT: 5, 4, 2, 3, 5 → 3 satisfied of 5 = 60%; Wilson 23.07…88.24.
        let csat = try #require(row[.csat])
        #expect(csat.n == 5 && isClose(csat.value, 60))
        #expect(isClose(csat.lower, 23.072) && isClose(csat.upper, 88.238))
        // CES: 7 (exactly at `from`, included) + 5 + 2 + 6 = 20 / 4 = 5.0.
        #expect(row[.ces]?.n == 4 && isClose(row[.ces]?.value, 5))
        // Interactions i1 i2 i3 i4 i5 i6 i9; cases opened A B C D F G.
        #expect(row[.interactions]?.value == 7)
        #expect(row[.casesOpened]?.value == 6)
        // TTR over cases resolved in the period: F 1 h, B 2 h, C 2 h, A 32 h, E 768 h.
        // Median = 2 h (a tie); p90 at position 4·0.9 = 3.6: 32 + 0.6·(768 − 32) = 473.6 h.
        #expect(row[.ttrMedian]?.n == 5 && row[.ttrMedian]?.value == 7200)
        #expect(isClose(row[.ttrP90]?.value, 473.6 * 3600))
        // FCR over cases opened in the period and resolved (A B C F): B has one interaction,
        // F none → 2/4 = 50%; A had two contacts, C was reopened.
        #expect(row[.fcr]?.n == 4 && row[.fcr]?.value == 50)
        // Reopen: resolved at least once A B C F G = 5, reopened C G = 2 → 40%.
        #expect(row[.reopenRate]?.n == 5 && row[.reopenRate]?.value == 40)
        // Answers needing a follow-up: f4 f7 f11 (NPS ≤ 6), g3 (CSAT 2) = 4; without one: f11 and
        // g3 (its follow-up was cancelled) = 2.
        #expect(row[.detractorsWithoutFollowUp] == Figure(value: 2, n: 4, isSmallSample: false))
        // Closed loop: 3 follow-ups with a source answer, 1 open; the done one took 24 h.
        #expect(row[.closedLoopOpen] == Figure(value: 1, n: 3, isSmallSample: false))
        #expect(row[.closedLoopCloseMedian]?.value == 86_400 && row[.closedLoopCloseMedian]?.n == 1)
    }

    @Test func churnAndRetention() throws {
        let result = try Fixture.report()
        // Active at start: c1 c2 c3 (first seen in October) and c7 (no records) = 4.
        // c3 is churned and last seen 2026-11-11 → lost. c6 first seen 2026-11-17 → new.
        // c4 is a prospect, c5 churned in September. At end: c1 c2 c6 c7 = 4.
        // Retention = (4 − 1)/4 = 75%; churn = 1/4 = 25%.
        let expected = try RetentionCounts(atStart: 4, atEnd: 4, new: 1, lost: 1)
        #expect(result.retentionCounts == expected)
        #expect(result.overall[.retention]?.value == 75)
        #expect(result.overall[.churn]?.value == 25)
        #expect(result.overall[.churn]?.isSmallSample == true)
        #expect(result.groups.isEmpty)
    }

    @Test func retentionFollowsCustomerFiltersOnly() throws {
        // smb customers: c1, c3 at start; c3 lost → churn 50%, retention (1 − 0)/2 = 50%.
        let smb = try Fixture.report(filters: [.segment: ["smb"]])
        #expect(smb.overall[.churn]?.value == 50 && smb.overall[.retention]?.value == 50)
        // A channel filter does not apply to customers: churn is not reported rather than misleading.
        let phone = try Fixture.report(filters: [.channel: ["phone"]])
        #expect(phone.overall[.churn] == nil && phone.retentionCounts == nil)
    }

    @Test func byChannel() throws {
        let result = try Fixture.report(by: [.channel])
        #expect(result.groups.map(\.key) == [["phone"], ["email"], ["chat"], ["video"], ["(none)"]])
        // phone: f1 10, f2 9, f3 9, f4 3 → NPS (3 − 1)/4 = 50; V = 1 − 0.25 = 0.75,
        // MoE = 1.96·√(0.75/4)·100 = 84.87.
        let phone = try #require(result.group("phone"))
        #expect(phone[.nps]?.value == 50 && isClose(phone[.nps]?.marginOfError, 84.870))
        // email: f5 10 (from its interaction), f6 8, f7 0 → NPS 0, a promoter/detractor tie.
        #expect(result.group("email")?[.nps]?.value == 0)
        #expect(isClose(result.group("email")?[.nps]?.marginOfError, 92.395))
        // chat: f8 9 (snapshot beats interaction i5 on phone), f9 8, f10 7 → 33.33.
        #expect(isClose(result.group("chat")?[.nps]?.value, 33.333))
        // video: one answer, 6 → −100 with no spread, flagged.
        let video = try #require(result.group("video"))
        #expect(video[.nps]?.value == -100 && video[.nps]?.n == 1 && video[.nps]?.marginOfError == 0)
        #expect(video[.nps]?.isSmallSample == true)
        // Cases: phone A (32 h) and B (2 h): median 17 h, p90 2 + 0.9·30 = 29 h; FCR 1/2.
        #expect(phone[.ttrMedian]?.value == 17 * 3600 && phone[.ttrP90]?.value == 29 * 3600)
        #expect(phone[.fcr]?.value == 50 && phone[.casesOpened]?.value == 2)
        #expect(phone[.interactions]?.value == 4)
        #expect(phone[.detractorsWithoutFollowUp] == Figure(value: 1, n: 2, isSmallSample: false))
        // chat: case D is open → no TTR and no FCR: nil, not 0.
        let chat = try #require(result.group("chat"))
        #expect(chat[.ttrMedian]?.value == nil && chat[.fcr]?.value == nil && chat[.csat]?.value == nil)
        // (none): cases F and G have no interaction; F resolved with no contact counts as FCR.
        #expect(result.group("(none)")?[.fcr]?.value == 100)
        // The groups' answers add up to the overall ones.
        #expect(result.groups.compactMap { $0[.nps]?.n }.reduce(0, +) == 11)
    }

    @Test func teamComesFromTheSnapshotThenTheAgent() throws {
        let result = try Fixture.report(by: [.team])
        // Field East: f1 (snapshot) → +100, n = 1. North: Ana's other answers f2 9, f7 0, f9 8,
        // f10 7, f11 6 → (1 − 2)/5 = −20. South: f3 9, f4 3, f8 9 → 33.3. (none): Cy's f5 10, f6 8 → 50.
        #expect(result.groups.map(\.key) == [["Field East"], ["North"], ["South"], ["(none)"]])
        #expect(result.group("Field East")?[.nps]?.value == 100)
        #expect(result.group("North")?[.nps]?.value == -20)
        #expect(isClose(result.group("South")?[.nps]?.value, 33.333))
        #expect(result.group("(none)")?[.nps]?.value == 50)
    }

    @Test func twoDimensionCutIncludesEmptyCombinations() throws {
        let result = try Fixture.report(by: [.channel, .week])
        #expect(result.dimensions == [.channel, .week])
        // 5 channels × 4 weeks, every combination listed.
        #expect(result.groups.count == 20)
        #expect(result.groups.prefix(4).map(\.key) == [
            ["phone", "2026-W45"], ["phone", "2026-W46"], ["phone", "2026-W47"], ["phone", "2026-W48"],
        ])
        // phone in W45: f1 10, f2 9, f3 9 → +100, n = 3; interactions i1 i2 i3.
        let cell = try #require(result.group("phone", "2026-W45"))
        #expect(cell[.nps]?.value == 100 && cell[.nps]?.n == 3 && cell[.interactions]?.value == 3)
        // video in W45 has nothing: estimates nil, counts 0.
        let empty = try #require(result.group("video", "2026-W45"))
        #expect(empty[.nps]?.value == nil && empty[.nps]?.n == 0 && empty[.ces]?.value == nil)
        #expect(empty[.interactions]?.value == 0)
    }

    @Test func filtersSelectRecordsAndListEmptyGroups() throws {
        // Filter values may be written loosely; `social` has no record and stays as an empty row.
        let result = try Fixture.report(by: [.channel], filters: [.channel: ["Phone", "social"]])
        #expect(result.groups.map(\.key) == [["phone"], ["social"]])
        #expect(result.overall[.nps]?.value == 50)
        #expect(result.group("social")?[.nps]?.value == nil)
        #expect(result.group("social")?[.interactions]?.value == 0)
        // smb customers' answers: f1 10, f2 9, f5 10, f6 8, f7 0, f11 6 → (3 − 2)/6 = 16.67.
        let smb = try Fixture.report(filters: [.segment: ["smb"]])
        #expect(isClose(smb.overall[.nps]?.value, 16.667))
        // Agent by name or by id; two filters combine with AND.
        let byName = try Fixture.report(filters: [.agent: ["ana"], .stage: ["purchase"]])
        let byID = try Fixture.report(filters: [.agent: [Fixture.ana.id.uuidString], .stage: ["purchase"]])
        // Ana at purchase: f9 8, f10 7 → NPS 0 over 2 answers; CES h4 6; interaction i6.
        #expect(byName.overall[.nps] == byID.overall[.nps])
        #expect(byName.overall[.nps]?.n == 2 && byName.overall[.ces]?.value == 6)
        #expect(byName.overall[.interactions]?.value == 1)
    }

    @Test func periodBounds() throws {
        // Without bounds, the October answer (f13: 0) and the one at 2026-11-30 (f12: 0) count:
        // promoters 5, detractors 5 of 13 → NPS 0.
        let all = try ReportEngine.compute(ReportRequest(), on: Fixture.dataset)
        #expect(all.overall[.nps]?.n == 13 && all.overall[.nps]?.value == 0)
        // 2026-11-09 to 2026-11-17 → f4 3, f5 10, f6 8, f7 0, f8 9 → (2 − 2)/5 = 0.
        let week = try ReportEngine.compute(
            ReportRequest(from: Fixture.date("2026-11-09T00:00"), to: Fixture.date("2026-11-17T00:00")),
            on: Fixture.dataset
        )
        #expect(week.overall[.nps]?.n == 5 && week.overall[.nps]?.value == 0)
        // Case E was opened in October but resolved on 2026-11-16: TTR counts it, volume does not.
        // TTR over C (2 h) and E (768 h): median 385 h.
        #expect(week.overall[.casesOpened]?.value == 1 && week.overall[.ttrMedian]?.n == 2)
        #expect(isClose(week.overall[.ttrMedian]?.value, 385 * 3600))
    }

    @Test func smallSampleThresholdIsConfigurable() throws {
        let result = try Fixture.report(by: [.channel], threshold: 4)
        #expect(result.overall[.nps]?.isSmallSample == false)
        #expect(result.group("phone")?[.nps]?.isSmallSample == false)
        #expect(result.group("chat")?[.nps]?.isSmallSample == true)
        // Counts are exact and never flagged.
        #expect(result.group("chat")?[.interactions]?.isSmallSample == false)
    }

    @Test func trendHasEveryWeekOfThePeriod() throws {
        let result = try Fixture.report()
        // 28 days → weekly buckets by default.
        #expect(result.trendUnit == .week)
        let nps = try #require(result.series(.nps))
        #expect(nps.points.map(\.period.label) == ["2026-W45", "2026-W46", "2026-W47", "2026-W48"])
        // W45 f1 f2 f3 → +100; W46 f4 f5 f6 f7 f8 → 0; W47 f9 f10 → 0; W48 f11 → −100.
        #expect(nps.points.map(\.figure.value) == [100, 0, 0, -100])
        #expect(result.series(.interactions)?.points.map(\.figure.value) == [3, 2, 1, 1])
        #expect(result.series(.churn) == nil)
        let monthly = try ReportEngine.compute(
            ReportRequest(from: Fixture.from, to: Fixture.to, trendUnit: .month), on: Fixture.dataset
        )
        #expect(monthly.series(.nps)?.points.map(\.period.label) == ["2026-11"])
    }

    @Test func journeyMapCells() throws {
        let cells = try Fixture.report().journeyMap
        // Journey order: purchase, onboarding, support; touchpoints alphabetical within a stage.
        #expect(cells.map { "\($0.stage)/\($0.touchpoint)" } == [
            "purchase/purchase", "onboarding/onboarding", "support/billing", "support/support",
        ])
        // support × billing: i1 i2 i5; NPS f1 10, f2 9, f4 3, f7 0, f8 9 (from i5) → (3 − 2)/5 = 20;
        // CSAT g1 5, g3 2, g5 5 → 66.7%.
        let billing = cells[2]
        #expect(billing.interactions == 3 && isClose(billing.nps.value, 20) && billing.nps.n == 5)
        #expect(isClose(billing.csat.value, 66.667))
        // purchase × purchase: i6; NPS f9 8, f10 7 → 0; no CSAT → nil.
        #expect(cells[0].interactions == 1 && cells[0].nps.value == 0 && cells[0].csat.value == nil)
        #expect(cells.map(\.interactions).reduce(0, +) == 7)
    }

    @Test func emptyDatasetGivesNilFigures() throws {
        let result = try ReportEngine.compute(ReportRequest(by: [.channel]), on: ReportDataset())
        #expect(result.period == nil && result.groups.isEmpty && result.journeyMap.isEmpty)
        #expect(result.overall[.nps]?.value == nil && result.overall[.interactions]?.value == 0)
        #expect(result.trend.allSatisfy { $0.points.isEmpty })
    }
}
