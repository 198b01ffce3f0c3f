import Foundation
import Testing
import Logging
import TouchpointClient
import TouchpointClusterTesting
import TouchpointModel
import TouchpointProtocol
import TouchpointServer
import TouchpointStore

/// Item 8 of the field-work issue (resolving a delete conflict) and resolutions of
/// field-group conflicts.
@Suite struct ConflictResolutionTests {
    /// A deletes a customer while B edits its segment; the delete wins.
    static func deleteConflict() async throws -> (Cluster, Customer, ConflictRecord) {
        let cluster = try await Cluster(agents: [["north"], ["north"]])
        let (a, b) = (cluster.agents[0], cluster.agents[1])
        let customer = try await cluster.sharedCustomer("Anika")
        try a.store.delete(.customer, id: customer.id)
        try b.store.update(Customer.self, id: customer.id) { $0.segment = "enterprise" }
        _ = try await a.sync()
        _ = try await b.sync()
        let conflict = try #require(try await cluster.server.conflicts(ConflictFilter()).first)
        #expect(conflict.field == "segment")
        return (cluster, customer, conflict)
    }

    @Test func keepingTheWinnerOfADeleteConflictLeavesTheRecordDeleted() async throws {
        let (cluster, customer, conflict) = try await Self.deleteConflict()
        let admin = try await cluster.addAgent(name: "root", territories: [], role: .admin)
        let head = try await cluster.server.info().head
        _ = try await cluster.server.resolveConflict(id: conflict.id, keep: .winner, by: admin.principal.agentID, now: Date())
        #expect(try await cluster.server.info().head == head, "nothing written: the tombstone's 1 does not go into the field")
        for agent in cluster.agents {
            _ = try await agent.sync()
            #expect(try agent.store.record(Customer.self, id: customer.id) == nil, "still deleted")
        }
        #expect(try cluster.agents[0].store.digest() == (try await cluster.server.digest(territories: ["north"])))
    }

    @Test func keepingTheLoserOfADeleteConflictUndeletesWithTheEdit() async throws {
        let (cluster, customer, conflict) = try await Self.deleteConflict()
        let admin = try await cluster.addAgent(name: "root", territories: [], role: .admin)
        _ = try await cluster.server.resolveConflict(id: conflict.id, keep: .loser, by: admin.principal.agentID, now: Date())
        for agent in cluster.agents {
            _ = try await agent.sync()
            let back = try #require(try agent.store.record(Customer.self, id: customer.id), "undeleted everywhere")
            #expect(back.segment == "enterprise")
        }
        #expect(try cluster.agents[1].store.digest() == (try await cluster.server.digest(territories: ["north"])))
    }

    @Test func keepingTheLoserOfAGroupConflictRestoresTheWholeGroup() async throws {
        let cluster = try await Cluster(agents: [["north"], ["north"]])
        let (a, b) = (cluster.agents[0], cluster.agents[1])
        let customer = try await cluster.sharedCustomer("Anika")
        let opened = Date().addingTimeInterval(-7200)
        let resolved = try SupportCase(customerID: customer.id, subject: "Router", status: .resolved, openedAt: opened, resolvedAt: opened + 60)
        try a.store.create(resolved)
        _ = try await a.sync()
        _ = try await b.sync()
        try b.store.update(SupportCase.self, id: resolved.id) { $0.status = .open; $0.resolvedAt = nil; $0.reopenCount += 1 }
        try a.store.update(SupportCase.self, id: resolved.id) { $0.status = .closed }
        _ = try await b.sync()
        _ = try await a.sync()
        let conflicts = try await cluster.server.conflicts(ConflictFilter())
        #expect(Set(conflicts.map(\.field)) == ["status", "resolved_at"])
        let status = try #require(conflicts.first { $0.field == "status" })
        let admin = try await cluster.addAgent(name: "root", territories: [], role: .admin)
        _ = try await cluster.server.resolveConflict(id: status.id, keep: .loser, by: admin.principal.agentID, now: Date())
        #expect(try await cluster.server.conflicts(ConflictFilter()).allSatisfy { $0.resolvedAt != nil }, "the group resolves as one")
        for agent in cluster.agents { _ = try await agent.sync() }
        let final = try #require(try b.store.record(SupportCase.self, id: resolved.id))
        #expect(final.status == status.loser.value.text.flatMap(CaseStatus.init(rawValue:)))
    }

    /// `conflicts_list` paged by `after_id`: the conflicts after that id, oldest first,
    /// `limit` of them — it used to cut the newest `limit` and then drop those not
    /// after the id, so a second page skipped conflicts or came back empty.
    @Test func conflictsListPagesByAfterID() async throws {
        let cluster = try await Cluster(agents: [["north"], ["north"]])
        let (a, b) = (cluster.agents[0], cluster.agents[1])
        for name in ["A", "B", "C", "D", "E"] {
            let customer = try await cluster.sharedCustomer(name)
            try a.store.update(Customer.self, id: customer.id) { $0.segment = "smb" }
            try b.store.update(Customer.self, id: customer.id) { $0.segment = "enterprise" }
        }
        _ = try await a.sync()
        _ = try await b.sync()
        let all = try await cluster.server.conflicts(ConflictFilter()).map(\.id).sorted()
        #expect(all.count == 5)
        let admin = try await cluster.addAgent(name: "root", territories: [], role: .admin)
        var request = Touchpoint_V1_ConflictsListRequest()
        request.afterID = UInt64(all[0])
        request.limit = 2
        let responder = RequestResponder(service: cluster.service, logger: Logger(label: "test"))
        let reply = await responder.respond(
            to: .admin(requestID: 1, command: .conflictsList(request)), from: admin.principal, maxFrameBytes: 1 << 22)
        guard case .adminResponse(let response)? = reply?.body, case .conflictsList(let page)? = response.result else {
            Issue.record("no conflicts_list answer: \(String(describing: reply))")
            return
        }
        #expect(page.conflicts.map { Int64($0.conflictID) } == [all[1], all[2]])
        #expect(page.more)
    }
}
