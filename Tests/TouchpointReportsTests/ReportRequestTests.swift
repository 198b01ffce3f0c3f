import Foundation
import Testing
import TouchpointReports

@Suite("Report requests, dimensions and periods")
struct ReportRequestTests {
    @Test(arguments: ReportDimension.allCases)
    func dimensionsParseFromTheirNames(_ dimension: ReportDimension) throws {
        #expect(try ReportDimension.parse(dimension.rawValue.uppercased()) == dimension)
    }

    @Test func unknownDimensionListsTheAcceptedOnes() {
        let error = #expect(throws: ReportError.self) { try ReportDimension.parse("region") }
        let message = error?.message ?? ""
        #expect(message.contains("'region'"))
        #expect(message.contains("channel, touchpoint, stage, agent, team, persona, segment, week, month"))
    }

    @Test func requestValidation() throws {
        #expect(throws: ReportError.self) { try ReportRequest(by: [.channel, .stage, .team]).validated() }
        #expect(throws: ReportError.self) { try ReportRequest(by: [.channel, .channel]).validated() }
        #expect(throws: ReportError.self) {
            try ReportRequest(from: Fixture.to, to: Fixture.from).validated()
        }
        #expect(throws: ReportError.self) { try ReportRequest(filters: [.channel: ["fax"]]).validated() }
        #expect(throws: ReportError.self) { try ReportRequest(filters: [.week: ["2026-47"]]).validated() }
        #expect(throws: ReportError.self) { try ReportRequest(smallSampleThreshold: 0).validated() }
        let normalized = try ReportRequest(
            filters: [.channel: ["In-Person"], .week: ["2026-w7"], .month: ["2026-3"], .stage: ["Support"]]
        ).validated()
        #expect(normalized.filters[.channel] == ["in_person"])
        #expect(normalized.filters[.week] == ["2026-W07"])
        #expect(normalized.filters[.month] == ["2026-03"])
        #expect(normalized.filters[.stage] == ["support"])
    }

    @Test func parsingDatesAndFilters() throws {
        #expect(try ReportRequest.parseDate("2026-11-02") == Fixture.from)
        #expect(try ReportRequest.parseDate("2026-11-02T00:00:00Z") == Fixture.from)
        #expect(throws: ReportError.self) { try ReportRequest.parseDate("02/11/2026") }
        let (dimension, values) = try ReportRequest.parseFilter("channel=phone,email")
        #expect(dimension == .channel && values == ["phone", "email"])
        #expect(throws: ReportError.self) { try ReportRequest.parseFilter("channel") }
    }

    @Test func isoWeeksAndMonthsInUTC() {
        // 2027-01-01 is a Friday in ISO week 53 of 2026; 2026-12-31 23:59 UTC is still December.
        #expect(PeriodUnit.week.label(of: Fixture.date("2027-01-01T12:00")) == "2026-W53")
        #expect(PeriodUnit.week.label(of: Fixture.date("2026-11-29T23:59")) == "2026-W48")
        #expect(PeriodUnit.week.label(of: Fixture.date("2026-11-30T00:00")) == "2026-W49")
        #expect(PeriodUnit.month.label(of: Fixture.date("2026-12-31T23:59")) == "2026-12")
        let weeks = PeriodUnit.week.buckets(from: Fixture.from, to: Fixture.to)
        #expect(weeks.map(\.label) == ["2026-W45", "2026-W46", "2026-W47", "2026-W48"])
        #expect(weeks.first?.start == Fixture.from && weeks.last?.end == Fixture.to)
        // A bucket overlapping the bounds is included whole.
        let months = PeriodUnit.month.buckets(from: Fixture.date("2026-10-15T00:00"), to: Fixture.date("2026-12-01T00:00"))
        #expect(months.map(\.label) == ["2026-10", "2026-11"])
    }

    @Test func requestRoundTripsThroughJSON() throws {
        let request = ReportRequest(by: [.agent, .month], from: Fixture.from, to: Fixture.to, filters: [.segment: ["smb"]])
        let data = try JSONEncoder().encode(request)
        #expect(try JSONDecoder().decode(ReportRequest.self, from: data) == request)
        #expect(String(decoding: data, as: UTF8.self).contains("\"segment\":[\"smb\"]"))
    }
}
