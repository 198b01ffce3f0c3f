import Foundation
import SwiftProtobuf
import Testing
import TouchpointModel
import TouchpointProtocol
import TouchpointReports

/// The typed report messages: every request and result survives the wire unchanged, the golden
/// vector is a report, and a hostile server's numbers are refused, never trapped on.
@Suite struct ReportWireTests {
    static let requests: [ReportRequest] = [
        ReportRequest(),
        ReportRequest(by: [.channel, .month], from: Fixture.from, to: Fixture.to, trendUnit: .week),
        ReportRequest(
            by: [.persona], from: Fixture.from, filters: [.segment: ["smb", "enterprise"], .channel: ["phone"]],
            smallSampleThreshold: 3, trendUnit: .month),
        ReportRequest(to: Fixture.to, filters: [.agent: ["Ana"]], smallSampleThreshold: 1000),
    ]

    @Test(arguments: requests)
    func requestRoundTrips(request: ReportRequest) throws {
        let wire = try Touchpoint_V1_ReportRequest(request)
        let bytes: Data = try wire.serializedBytes()
        #expect(try ReportRequest(wire: Touchpoint_V1_ReportRequest(serializedBytes: bytes)) == request)
    }

    @Test(arguments: [
        ([], ReportRequest(from: Fixture.from, to: Fixture.to)),
        ([.channel, .week], ReportRequest(from: Fixture.from, to: Fixture.to)),
        ([.persona], ReportRequest(from: Fixture.from, to: Fixture.to, filters: [.segment: ["smb"]])),
        ([.stage], ReportRequest()),  // no bounds: the period is the records' span
        ([.agent], ReportRequest(from: Fixture.date("2030-01-01T00:00"))),  // no data at all
    ] as [([ReportDimension], ReportRequest)])
    func resultRoundTrips(by: [ReportDimension], request: ReportRequest) throws {
        var request = request
        request.by = by
        let result = try ReportEngine.compute(request, on: Fixture.dataset, generatedAt: Fixture.date("2026-12-01T08:00"))
        let bytes: Data = try Envelope.adminResponse(requestID: 1, .report(try Touchpoint_V1_ReportResponse(result)))
            .serializedBytes()
        guard case .adminResponse(let response) = try Envelope(serializedBytes: bytes).body,
            case .report(let wire) = response.result
        else { Issue.record("not a report response"); return }
        #expect(try ReportResult(wire: wire) == result)
    }

    @Test(arguments: [[], [ReportDimension.segment], [.week], [.channel, .segment]])
    func customerValueRoundTrips(by: [ReportDimension]) throws {
        let result = try CustomerValueTests.report(by: by)
        #expect(result.overall.customerValue.currencies.count == 2)
        #expect(try ReportResult(wire: Touchpoint_V1_ReportResponse(result)) == result)
    }

    @Test func theGoldenVectorIsAReport() throws {
        let vectors = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Protocol/vectors").standardized
        let frame = try Data(contentsOf: vectors.appendingPathComponent("admin_report_response.bin"))
        guard case .adminResponse(let response) = try Envelope(serializedBytes: frame.dropFirst(5)).body,
            case .report(let wire) = response.result
        else { Issue.record("not a report response"); return }
        let result = try ReportResult(wire: wire)
        #expect(result.dimensions == [.channel])
        #expect(result.request.filters == [.segment: ["smb"]])
        #expect(result.period == DateInterval(start: Fixture.date("2026-11-02T00:00"), end: Fixture.date("2026-11-09T00:00")))
        #expect(isClose(result.group("phone")?[.nps]?.value, 33.33))
        #expect(result.overall[.ces]?.value == nil)
        #expect(result.overall[.churn]?.value == 0)
        #expect(result.retentionCounts?.atStart == 4)
        #expect(result.series(.interactions)?.points.map(\.period.label) == ["2026-W45"])
        #expect(result.journeyMap.first?.touchpoint == "billing")
        #expect(try TableRenderer().render(result).contains("+33.3 ±106.7 n=3*"))
        let value = result.overall.customerValue
        #expect(value.lifetime?.isCapped == true && value.lifetime?.years == 10)
        #expect(value["EUR"]?.clv.value == 900_000 && value["EUR"]?.revenueAtRisk.value == 60_000)
    }

    @Test func aDateTheWireCannotCarryIsRefusedBeforeSending() {
        let old = ReportRequest(from: Date(timeIntervalSince1970: -86_400))
        #expect(throws: ReportError.self) { try Touchpoint_V1_ReportRequest(old) }
        let error = #expect(throws: ReportError.self) { try old.validated() }
        #expect(error?.code == .invalidRequest)
    }

    // MARK: A hostile peer

    static func refusesRequest(_ field: String, _ edit: (inout Touchpoint_V1_ReportRequest) -> Void) {
        var wire = try! Touchpoint_V1_ReportRequest(ReportRequest(by: [.channel], filters: [.segment: ["smb"]]))
        edit(&wire)
        let error = #expect(throws: ProtocolError.self) { try ReportRequest(wire: wire) }
        #expect(error?.code == .invalidArgument)
        #expect(error?.message.contains(field) == true, "\(error?.message ?? "")")
    }

    @Test func aMalformedRequestIsInvalidArgument() {
        Self.refusesRequest("report.dimensions") { $0.dimensions = [.UNRECOGNIZED(42)] }
        Self.refusesRequest("report.dimensions") { $0.dimensions = [.unspecified] }
        Self.refusesRequest("report.report_filters") { $0.reportFilters.append(.with { $0.dimension = .segment; $0.values = ["x"] }) }
        Self.refusesRequest("report.report_filters.dimension") { $0.reportFilters[0].dimension = .UNRECOGNIZED(10) }
        Self.refusesRequest("report.start_ms") { $0.startMs = .max }
        Self.refusesRequest("report.end_ms") { $0.endMs = 253_402_300_800_000 }
        Self.refusesRequest("report.trend_unit") { $0.trendUnit = .UNRECOGNIZED(3) }
    }

    static func refusesResult(_ field: String, _ edit: (inout Touchpoint_V1_ReportResponse) -> Void) throws {
        let result = try Fixture.report(by: [.channel])
        var wire = try Touchpoint_V1_ReportResponse(result)
        edit(&wire)
        let error = #expect(throws: ProtocolError.self) { try ReportResult(wire: wire) }
        #expect(error?.code == .invalidArgument)
        #expect(error?.message.contains(field) == true, "\(error?.message ?? "")")
    }

    @Test func aHostileResultIsRefusedNotTrappedOn() throws {
        try Self.refusesResult("report.overall.figures.interactions.value") { $0.overall.figures.interactions.value = .nan }
        try Self.refusesResult("report.overall.figures.interactions.value") { $0.overall.figures.interactions.value = 1e300 }
        try Self.refusesResult("report.groups[0].figures.nps.upper") { $0.groups[0].figures.nps.upper = -.infinity }
        try Self.refusesResult("report.overall.figures.nps.n") { $0.overall.figures.nps.n = .max }
        try Self.refusesResult("report.journey_map[0].interactions") { $0.journeyMap[0].interactions = .max }
        try Self.refusesResult("report.groups[1].key") { $0.groups[1].key = ["phone", "extra"] }
        try Self.refusesResult("report.overall.key") { $0.overall.key = ["phone"] }
        try Self.refusesResult("report.dimensions") { $0.dimensions = [.UNRECOGNIZED(99)] }
        try Self.refusesResult("report.period") { $0.period.endMs = $0.period.startMs - 1 }
        try Self.refusesResult("report.generated_at_ms") { $0.generatedAtMs = .max }
        try Self.refusesResult("report.trend[0]") { $0.trend[0].figures.clearCsat() }
        try Self.refusesResult("report.trend_unit") { $0.trendUnit = .unspecified }
        try Self.refusesResult("report.retention_counts") { $0.retentionCounts = .with { $0.atStart = 1; $0.lost = 5 } }
        try Self.refusesResult("report.overall.customer_value.currencies[0].clv.value") {
            $0.overall.customerValue.currencies = [.with { $0.currency = "EUR"; $0.clv.value = .infinity }]
        }
        try Self.refusesResult("report.overall.customer_value.lifetime") { $0.overall.customerValue.lifetime.periodDays = 0 }
        try Self.refusesResult("report.overall.customer_value.lifetime") { $0.overall.customerValue.lifetime.lost = $0.overall.customerValue.lifetime.atStart + 1 }
        try Self.refusesResult("report.groups[0].customer_value.at_risk") { $0.groups[0].customerValue.atRisk = .max }
    }

    @Test func anExtremeButValidResultStillRenders() throws {
        var wire = try Touchpoint_V1_ReportResponse(try Fixture.report(by: [.channel]))
        for index in wire.trend.indices {
            wire.trend[index].figures.nps.value = index.isMultiple(of: 2) ? 9e15 : 9e15 + 1
            wire.trend[index].figures.interactions.value = -9e15
        }
        let result = try ReportResult(wire: wire)
        #expect(try HTMLRenderer().render(result).contains("<svg"))
        #expect(try TableRenderer().render(result).contains("Touchpoint CX report"))
    }
}
