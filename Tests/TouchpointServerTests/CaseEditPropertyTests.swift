import Foundation
import Testing
import TouchpointClient
import TouchpointClusterTesting
import TouchpointModel
import TouchpointReports
import TouchpointServer
import TouchpointStore

/// Item 3 of the field-work issue, end to end through the sync engine: random
/// concurrent resolves, reopens and closes of shared cases on three laptops, synced
/// in random orders, leave every replica able to read every case and the report working.
@Suite struct CaseEditPropertyTests {
    enum Edit: CaseIterable { case resolve, reopen, close, pend }

    static func perform(_ edit: Edit, on agent: Cluster.FieldAgent, case id: UUID, at now: Date) throws {
        try agent.store.update(SupportCase.self, id: id, now: now) { c in
            switch edit {
            case .resolve:
                c.status = .resolved
                c.resolvedAt = c.resolvedAt ?? now
            case .reopen:
                guard c.status == .resolved || c.status == .closed else { return }
                c.status = .open
                c.reopenCount += 1
                c.resolvedAt = nil
            case .close:
                c.status = .closed
                c.resolvedAt = c.resolvedAt ?? now
            case .pend:  // as `case update --status pending`: only an open case (a resolved one has a resolution time)
                guard c.status == .open || c.status == .pending else { return }
                c.status = .pending
            }
        }
    }

    @Test(arguments: 0..<12)
    func concurrentCaseEditsLeaveEveryReplicaReadable(seed: Int) async throws {
        var rng = SeededRandom(seed: UInt64(seed))
        let cluster = try await Cluster(agents: [["north"], ["north"], ["north"]])
        let customer = try await cluster.sharedCustomer("Anika")
        let opened = Date().addingTimeInterval(-86_400)
        let cases = try (0..<3).map { _ in try SupportCase(customerID: customer.id, subject: "Router", openedAt: opened) }
        for c in cases { try cluster.agents[0].store.create(c) }
        for agent in cluster.agents { _ = try await agent.sync() }

        for round in 0..<4 {
            for agent in cluster.agents {
                for _ in 0..<Int.random(in: 1...3, using: &rng) {
                    let edit = Edit.allCases.randomElement(using: &rng)!
                    let target = cases.randomElement(using: &rng)!.id
                    try Self.perform(edit, on: agent, case: target, at: opened.addingTimeInterval(Double(round * 60 + 1)))
                }
            }
            for agent in cluster.agents.shuffled(using: &rng) { _ = try await agent.sync() }
        }
        for agent in cluster.agents { _ = try await agent.sync() }

        let server = try await cluster.server.digest(territories: ["north"])
        for agent in cluster.agents {
            #expect(try agent.store.digest() == server)
            #expect(try agent.store.list(SupportCase.self).count == 3, "every replica reads every case")
            #expect(try agent.store.deadLetters().isEmpty, "no valid edit was refused")
        }
        let dataset = try await cluster.server.reportDataset()
        #expect(dataset.cases.count == 3)
        _ = try ReportEngine.compute(ReportRequest(), on: dataset)
    }
}
