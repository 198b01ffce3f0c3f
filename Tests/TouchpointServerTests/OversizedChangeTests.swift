import Foundation
import Testing
import TouchpointClient
import TouchpointClusterTesting
import TouchpointModel
import TouchpointProtocol
import TouchpointServer
import TouchpointStore

/// Issue 8 item 11: a change no frame can hold is refused cleanly, never retried forever.
@Suite struct OversizedChangeTests {
    static let body = String(repeating: "a long visit report. ", count: 500)  // ~10 KB, a valid note

    @Test func changeLargerThanTheServersFrameIsDeadLettered() async throws {
        var cluster = try await Cluster(agents: [["north"]])
        cluster.agents[0].transport.limits.maxFrameBytes = 4 * 1024
        let a = cluster.agents[0]
        let customer = try Customer(name: "Anika", territory: "north")
        try a.store.create(customer)
        try a.store.create(try Note(customerID: customer.id, authorAgentID: a.principal.agentID, body: Self.body, createdAt: Date()))

        let summary = try await a.sync()
        #expect(summary.pushed == 1 && summary.rejected == 1)
        let letter = try #require(try a.store.deadLetters().first)
        #expect(letter.code == "RESOURCE_EXHAUSTED")
        #expect(letter.message.contains("frame limit of 4096 bytes"), "\(letter.message)")
        #expect(try a.store.status().outboxDepth == 0)
        #expect(try await a.sync().rejected == 0, "nothing is left to fail again")
    }

    @Test func changeLargerThanTheClientsFrameFailsThePullClearly() async throws {
        let cluster = try await Cluster(agents: [["north"], ["north"]])
        let (a, b) = (cluster.agents[0], cluster.agents[1])
        let customer = try Customer(name: "Anika", territory: "north")
        try a.store.create(customer)
        try a.store.create(try Note(customerID: customer.id, authorAgentID: a.principal.agentID, body: Self.body, createdAt: Date()))
        _ = try await a.sync()

        let first = try await cluster.service.pull(after: 0, limit: 10, maxFrameBytes: 4 * 1024, for: b.principal)
        #expect(first.changes.count == 1 && first.hasMore, "the customer fits, the note waits for the next page")
        let error = await #expect(throws: ProtocolError.self) {
            try await cluster.service.pull(after: first.nextCursor, limit: 10, maxFrameBytes: 4 * 1024, for: b.principal)
        }
        #expect(error?.code == .resourceExhausted)
        #expect(error?.message.contains("your frame limit of 4096 bytes") == true, "\(String(describing: error))")
    }
}
