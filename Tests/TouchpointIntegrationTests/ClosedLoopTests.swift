import Foundation
import Testing
import TouchpointModel
import TouchpointReports
import TouchpointServer
import TouchpointStore

/// A detractor answer pushed by an agent comes back to that agent as the server's follow-up.
@Suite struct ClosedLoopTests {
    @Test func aDetractorAnswerOpensOneFollowUpForTheAgentWhoRecordedIt() async throws {
        let server = try await LiveServer.start()
        defer { Task { await server.stop() } }
        let ada = try await server.laptop("Ada", territories: ["north"])
        let bo = try await server.laptop("Bo", territories: ["north"])
        let customer = try Customer(name: "Anika", territory: "north", ownerAgentID: bo.agentID)
        let detractor = try FeedbackResponse(
            customerID: customer.id, agentID: ada.agentID, kind: .nps, score: 4, comment: "slow", collectedAt: Date())
        let promoter = try FeedbackResponse(customerID: customer.id, agentID: ada.agentID, kind: .nps, score: 9, collectedAt: Date())
        let effort = try FeedbackResponse(customerID: customer.id, kind: .ces, score: 1, collectedAt: Date())
        let lowCSAT = try FeedbackResponse(customerID: customer.id, kind: .csat, score: 2, collectedAt: Date())
        try ada.store.create([customer, detractor, promoter, effort, lowCSAT])
        try await ada.sync()

        let followUps = try ada.store.list(FollowUp.self)
        #expect(followUps.count == 2)  // the detractor and the low CSAT; never the promoter or a CES
        let loop = try #require(followUps.first { $0.sourceFeedbackID == detractor.id })
        #expect(loop.assigneeAgentID == ada.agentID)  // the answer's agent
        #expect(loop.status == .open)
        #expect(loop.note?.contains("NPS 4") == true)
        #expect(abs(loop.dueAt.timeIntervalSince(loop.createdAt) - 2 * 86_400) < 1)
        let unattributed = try #require(followUps.first { $0.sourceFeedbackID == lowCSAT.id })
        #expect(unattributed.assigneeAgentID == bo.agentID)  // no agent on the answer: the customer's owner

        // Re-sending the answer (a replayed push) opens nothing more; Bo sees the same two.
        try await ada.sync()
        try await bo.sync()
        #expect(try ada.store.list(FollowUp.self).count == 2)
        #expect(try bo.store.list(FollowUp.self).count == 2)
        let all = try await server.store.reportDataset().followUps
        #expect(all.count == 2)
    }
}
