import Foundation
import Testing
import TouchpointClusterTesting
import TouchpointModel
import TouchpointProtocol
import TouchpointServer
import TouchpointStore

extension ServerStoreConformance {
    /// An NPS 3 answer tied to an agent opens a follow-up assigned to that agent,
    /// written by the server, which reaches that agent's laptop; a promoter's answer opens none.
    @Test(arguments: StoreKind.available)
    func aDetractorAnswerOpensAFollowUpThatReachesItsAgent(kind: StoreKind) async throws {
        try await kind.withCluster(agents: [["north"], ["north"]]) { cluster in
            let (agent, colleague) = (cluster.agents[0], cluster.agents[1])
            let customer = try await cluster.sharedCustomer("Anika")
            let detractor = try FeedbackResponse(
                customerID: customer.id, agentID: agent.principal.agentID, kind: .nps, score: 3, comment: "too slow",
                collectedAt: Cluster.epoch)
            let promoter = try FeedbackResponse(customerID: customer.id, kind: .nps, score: 10, collectedAt: Cluster.epoch)
            try agent.store.create([detractor, promoter])
            #expect(try agent.store.list(FollowUp.self).isEmpty, "the laptop opens none itself")
            _ = try await agent.sync()

            let opened = try await Self.log(cluster.server).filter { $0.change.entity == .followUp }
            #expect(opened.count == 1, "one follow-up, for the detractor only")
            let id = try #require(opened.first?.change.id)
            let stored = try #require(try await cluster.server.record(.followUp, id: id))
            #expect(stored.fields["assignee_agent_id"]?.value == .id(agent.principal.agentID))
            #expect(stored.fields["source_feedback_id"]?.value == .id(detractor.id))

            let followUp = try #require(try agent.store.record(FollowUp.self, id: id), "the follow-up reaches its agent")
            #expect(followUp.assigneeAgentID == agent.principal.agentID && followUp.sourceFeedbackID == detractor.id)
            #expect(followUp.status == .open)
            try await Self.expectConverged([agent, colleague])
        }
    }
}
