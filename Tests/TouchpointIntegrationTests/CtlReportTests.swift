import Foundation
import Testing
import TouchpointClient
import TouchpointModel
import TouchpointReports
import TouchpointServer
import TouchpointStore

/// `touchpointctl report`'s library path against a real server: the hand-computed figures of ``CXFixture``.
@Suite struct CtlReportTests {
    static func serverWithFixture() async throws -> (LiveServer, Laptop, String) {
        let server = try await LiveServer.start()
        let ada = try await server.laptop("Ada", territories: ["north"])
        try CXFixture.write(to: ada.store, agent: ada.agentID)
        try await ada.sync()
        let admin = try await server.laptop("root", territories: [], role: .admin)
        return (server, ada, admin.token)
    }

    static func report(_ server: LiveServer, _ token: String, _ request: ReportRequest) async throws -> ReportResult {
        try await AdminClient.connect(to: server.endpoint, token: token) { try await $0.report(request) }
    }

    @Test func overallFiguresMatchTheHandComputedOnes() async throws {
        let (server, _, token) = try await Self.serverWithFixture()
        defer { Task { await server.stop() } }
        let result = try await Self.report(server, token, ReportRequest(from: CXFixture.from, to: CXFixture.to))
        let all = result.overall
        #expect(all[.nps]?.n == 7)
        #expect(abs((all[.nps]?.value ?? .nan) - CXFixture.npsOverall) < 1e-9)
        #expect(abs((all[.nps]?.marginOfError ?? .nan) - CXFixture.npsMarginOverall) < 1e-9)
        #expect(all[.nps]?.isSmallSample == true)
        #expect(abs((all[.csat]?.value ?? .nan) - CXFixture.csat) < 1e-9)
        #expect(all[.csat]?.n == 3)
        #expect(all[.ces]?.value == CXFixture.ces)
        #expect(all[.interactions]?.value == 6)
        #expect(all[.casesOpened]?.value == 5)
        #expect(all[.ttrMedian]?.value == CXFixture.ttrMedian)
        #expect(abs((all[.ttrP90]?.value ?? .nan) - CXFixture.ttrP90) < 1e-6)
        #expect(all[.ttrMedian]?.n == 4)
        #expect(all[.fcr]?.value == CXFixture.fcr)
        #expect(all[.reopenRate]?.value == CXFixture.reopen)
        #expect(abs((all[.churn]?.value ?? .nan) - CXFixture.churn) < 1e-9)
        #expect(abs((all[.retention]?.value ?? .nan) - CXFixture.retention) < 1e-9)
        // The closed loop: the server opened a follow-up for each of the 3 answers.
        #expect(all[.detractorsWithoutFollowUp]?.value == 0)
        #expect(all[.detractorsWithoutFollowUp]?.n == CXFixture.detractors)
        #expect(all[.closedLoopOpen]?.value == 3)
    }

    @Test func groupsIncludeEmptyAndOneAnswerGroups() async throws {
        let (server, _, token) = try await Self.serverWithFixture()
        defer { Task { await server.stop() } }
        var request = ReportRequest(
            by: [.channel], from: CXFixture.from, to: CXFixture.to, filters: [.channel: ["phone", "email", "chat", "video"]],
            smallSampleThreshold: 3)
        request.trendUnit = .week
        let result = try await Self.report(server, token, request)
        let phone = try #require(result.group("phone"))
        #expect(phone[.nps]?.value == 0)
        #expect(phone[.nps]?.n == 4)
        #expect(abs((phone[.nps]?.marginOfError ?? .nan) - CXFixture.npsMarginPhone) < 1e-9)
        #expect(phone[.nps]?.isSmallSample == false)
        #expect(phone[.interactions]?.value == 3)
        let email = try #require(result.group("email"))  // one NPS answer: a precise-looking 100, flagged
        #expect(email[.nps]?.value == 100)
        #expect(email[.nps]?.n == 1)
        #expect(email[.nps]?.isSmallSample == true)
        #expect(email[.ces]?.value == 4.5)
        let chat = try #require(result.group("chat"))  // two passives
        #expect(chat[.nps]?.value == 0)
        let video = try #require(result.group("video"))  // empty group: no data, not 0
        #expect(video[.nps]?.value == nil)
        #expect(video[.nps]?.n == 0)
        #expect(video[.interactions]?.value == 0)
        #expect(result.overall[.churn] == nil)  // a channel filter does not describe customers
        #expect(result.series(.nps)?.points.count == 4)  // ISO weeks 10–13 of 2025
    }

    @Test func closingAFollowUpShowsInTheReport() async throws {
        let (server, ada, token) = try await Self.serverWithFixture()
        defer { Task { await server.stop() } }
        try await ada.sync()  // pulls the server's follow-ups
        let loops = try ada.store.list(FollowUp.self).filter { $0.sourceFeedbackID != nil }
        #expect(loops.count == CXFixture.detractors)
        _ = try ada.store.update(FollowUp.self, id: loops[0].id) { followUp in
            followUp.status = .done
            followUp.completedAt = Date()
        }
        try await ada.sync()
        let all = try await Self.report(server, token, ReportRequest(from: CXFixture.from, to: CXFixture.to)).overall
        #expect(all[.closedLoopOpen]?.value == 2)
        #expect(all[.closedLoopOpen]?.n == 3)
        #expect(all[.closedLoopCloseMedian]?.n == 1)
        #expect((all[.closedLoopCloseMedian]?.value ?? -1) >= 0)
    }

    @Test func customerValueMatchesTheHandComputedOne() async throws {
        let (server, _, token) = try await Self.serverWithFixture()
        defer { Task { await server.stop() } }
        let value = try await Self.report(server, token, ReportRequest(from: CXFixture.from, to: CXFixture.to)).overall.customerValue
        #expect(value.customers == 3 && value.withoutValue == 0 && value.atRisk == 1)
        #expect(abs((value.lifetime?.years ?? .nan) - CXFixture.lifetimeYears) < 1e-12)
        #expect(abs((value["EUR"]?.clv.value ?? .nan) - CXFixture.clvEUR) < 1e-6)
        #expect(abs((value["USD"]?.clv.value ?? .nan) - CXFixture.clvUSD) < 1e-6)
        #expect(value["EUR"]?.revenueAtRisk.value == CXFixture.revenueAtRiskEUR)
        #expect(value["USD"]?.revenueAtRisk.value == 0)
    }

    static let requests: [ReportRequest] = [
        ReportRequest(from: CXFixture.from, to: CXFixture.to),
        ReportRequest(
            by: [.channel, .week], from: CXFixture.from, to: CXFixture.to, filters: [.stage: ["support", "purchase"]],
            smallSampleThreshold: 2, trendUnit: .week),
        ReportRequest(by: [.persona], from: CXFixture.from, to: CXFixture.to, filters: [.segment: ["smb"]], trendUnit: .month),
        ReportRequest(by: [.agent, .touchpoint]),  // no bounds: the period is the records' span
        ReportRequest(by: [.team], from: CXFixture.date("2030-01-01T00:00:00Z")),  // nothing selected
    ]

    /// The typed messages carry every figure, interval, flag, period and bucket unchanged.
    @Test(arguments: requests)
    func aReportOverTheServerEqualsTheSameReportComputedLocally(request: ReportRequest) async throws {
        let (server, _, token) = try await Self.serverWithFixture()
        defer { Task { await server.stop() } }
        let remote = try await Self.report(server, token, request)
        let local = try ReportEngine.compute(request, on: try await server.store.reportDataset(), generatedAt: remote.generatedAt)
        #expect(remote == local)
    }

    @Test func aBadRequestIsOneClearError() async throws {
        let (server, _, token) = try await Self.serverWithFixture()
        defer { Task { await server.stop() } }
        await #expect(throws: (any Error).self) {
            _ = try await Self.report(server, token, ReportRequest(by: [.channel, .stage, .agent]))
        }
    }
}
