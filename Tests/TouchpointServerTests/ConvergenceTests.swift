import Foundation
import Testing
import TouchpointClient
import TouchpointClusterTesting
import TouchpointModel
import TouchpointProtocol
import TouchpointServer
import TouchpointStore

@Suite struct ConvergenceTests {
    static let orders = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]]

    /// Three agents edit offline — two concurrently change the same customer field,
    /// one deletes a customer another edits — then sync in every order.
    @Test(arguments: orders)
    func threeAgentsConvergeInAnyOrder(order: [Int]) async throws {
        let cluster = try await Cluster(agents: [["north"], ["north"], ["north", "south"]])
        let (a, b, c) = (cluster.agents[0], cluster.agents[1], cluster.agents[2])
        let shared = try Customer(name: "Anika", persona: "tech_savvy", territory: "north")
        let doomed = try Customer(name: "Musahib", persona: "written_steps", territory: "north")
        try a.store.create(shared)
        try a.store.create(doomed)
        _ = try await a.sync()
        _ = try await b.sync()
        _ = try await c.sync()

        // Offline edits.
        try a.store.update(Customer.self, id: shared.id) { $0.segment = "smb" }
        try b.store.update(Customer.self, id: shared.id) { $0.segment = "enterprise" }
        try c.store.update(Customer.self, id: shared.id) { $0.phone = "+44 20 7946 0000" }
        try c.store.delete(.customer, id: doomed.id)
        try b.store.update(Customer.self, id: doomed.id) { $0.lifecycle = .atRisk }
        let interaction = try Interaction(
            customerID: shared.id, agentID: a.principal.agentID, occurredAt: Cluster.epoch, channel: .phone,
            touchpoint: "billing", stage: .support, outcome: .resolved)
        try a.store.create(interaction)

        for index in order { _ = try await cluster.agents[index].sync() }
        for index in order { _ = try await cluster.agents[index].sync() }

        let serverDigest = try await cluster.server.digest(territories: ["north"])
        for agent in cluster.agents {
            #expect(try agent.store.digest() == serverDigest)
            #expect(try agent.store.status().outboxDepth == 0)
        }
        let merged = try #require(try a.store.record(Customer.self, id: shared.id))
        #expect(merged.phone == "+44 20 7946 0000")
        #expect(try a.store.record(Customer.self, id: doomed.id) == nil, "the delete wins on every replica")

        let conflicts = try await cluster.server.conflicts(ConflictFilter())
        let segment = conflicts.filter { $0.field == "segment" }
        #expect(segment.count == 1, "exactly one conflict for the concurrent segment edits")
        let values = Set(segment.flatMap { [$0.winner.value, $0.loser.value] })
        #expect(values == [.text("smb"), .text("enterprise")], "both values kept")
        #expect(segment.first.map { Set([$0.winner.agent, $0.loser.agent]) } == [a.principal.agentID, b.principal.agentID])
        let deleteClash = conflicts.filter { $0.entityID == doomed.id }
        #expect(deleteClash.map(\.field) == ["lifecycle"], "the delete against an edit is recorded")
        #expect(conflicts.count == 2, "no conflict for the phone edit or the interaction")
        #expect(merged.segment == segment.first?.winner.value.text)
    }

    @Test func replayedBatchIsANoOp() async throws {
        let cluster = try await Cluster(agents: [["north"]])
        let a = cluster.agents[0]
        try a.store.create(try Customer(name: "Anika", territory: "north"))
        let entries = try a.store.outbox().map { SequencedChange(sequence: UInt64($0.seq), change: $0.change) }
        let first = try await cluster.service.push(entries, from: a.principal)
        let replay = try await cluster.service.push(entries, from: a.principal)
        #expect(first.applied == 1 && first.duplicates == 0)
        #expect(replay.applied == 0 && replay.duplicates == 1 && replay.ackedSequence == first.ackedSequence)
        #expect(try await cluster.server.info().head == 1)
    }

    @Test func appendOnlyFactsDedupeById() async throws {
        let cluster = try await Cluster(agents: [["north"], ["north"]])
        let (a, b) = (cluster.agents[0], cluster.agents[1])
        let customer = try Customer(name: "Anika", territory: "north")
        try a.store.create(customer)
        _ = try await a.sync()
        _ = try await b.sync()
        let answer = try FeedbackResponse(customerID: customer.id, kind: .nps, score: 9, collectedAt: Cluster.epoch)
        try a.store.create(answer)
        try b.store.create(answer)  // the same answer recorded twice (e.g. imported on two laptops)
        _ = try await a.sync()
        let summary = try await b.sync()
        #expect(summary.conflicts == 0)
        #expect(try await cluster.server.digest(territories: nil).entities["feedback"]?.count == 1, "one answer, not two")
        _ = try await a.sync()
        #expect(try a.store.digest() == (try b.store.digest()), "both laptops hold the same versions of it")
    }
}
