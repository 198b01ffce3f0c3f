import Foundation
import Testing
import TouchpointClient
import TouchpointModel
import TouchpointProtocol
import TouchpointServer
import TouchpointStore

/// Issue 8 item 5 over real TCP: the deletes `touchpoint-agent … delete` makes
/// reach every laptop, and an edit the deleter never saw is kept as a conflict.
@Suite struct DeleteTCPTests {
    @Test func deletesFromTheAgentOverTCP() async throws {
        let live = try await LiveServer.start()
        defer { Task { await live.stop() } }
        let a = try await live.laptop("Ada", territories: ["north"])
        let b = try await live.laptop("Bo", territories: ["north"])
        let customer = try Customer(name: "Anika", territory: "north")
        let opened = Date().addingTimeInterval(-3600)
        let supportCase = try SupportCase(customerID: customer.id, subject: "Router", openedAt: opened)
        let followUp = try FollowUp(customerID: customer.id, assigneeAgentID: a.agentID, dueAt: opened + 86_400, createdAt: opened)
        try a.store.create([customer, supportCase, followUp])
        try await a.syncOnce()
        try await b.syncOnce()

        // Offline: Bo raises the case's priority; Ada, who never sees that, deletes all three.
        try b.store.update(SupportCase.self, id: supportCase.id) { $0.priority = .high }
        for (entity, id) in [(EntityType.followUp, followUp.id), (.supportCase, supportCase.id), (.customer, customer.id)] {
            try a.store.delete(entity, id: id)
        }
        for laptop in [a, b, a] { #expect(try await laptop.syncOnce().rejected == 0) }

        for (name, laptop) in [("Ada", a), ("Bo", b)] {
            #expect(try laptop.store.record(Customer.self, id: customer.id) == nil, "\(name)")
            #expect(try laptop.store.record(SupportCase.self, id: supportCase.id) == nil, "\(name)")
            #expect(try laptop.store.record(FollowUp.self, id: followUp.id) == nil, "\(name)")
            let result = try await laptop.verify()
            #expect(result.converged, "\(name) differs from the server in \(result.differing)")
        }
        let conflict = try #require(try await live.store.conflicts(ConflictFilter()).first { $0.entityID == supportCase.id })
        #expect(conflict.field == "priority")
        #expect(conflict.loser.value == .text("high"), "Bo's edit is kept")
    }
}
