import Foundation
import Testing
import TouchpointClient
import TouchpointClusterTesting
import TouchpointModel
import TouchpointProtocol
import TouchpointServer
import TouchpointStore

/// Items 2, 6 and the copied-laptop part of 9: replays get the answer they got
/// the first time, equal values still merge their versions, and a site whose
/// sequences go backwards is refused.
@Suite struct PushReplayTests {
    /// Item 2: the server refuses a change, the acknowledgement is lost, the agent
    /// retries: the refusal comes back and the change ends in the dead letters.
    @Test func refusalWithLostAcknowledgementEndsInDeadLetters() async throws {
        let cluster = try await Cluster(agents: [["north"]])
        let a = cluster.agents[0]
        let home = try Customer(name: "Home", territory: "north")
        try a.store.create(home)
        // Another agent's interaction: refused (PERMISSION_DENIED).
        try a.store.create(try Interaction(
            customerID: home.id, agentID: UUID(), occurredAt: Cluster.epoch, channel: .chat, touchpoint: "support",
            stage: .support, outcome: .resolved))
        let entries = try a.store.outbox().map { SequencedChange(sequence: UInt64($0.seq), change: $0.change) }
        let lost = try await cluster.service.push(entries, from: a.principal)  // the ack never arrives
        #expect(lost.rejected.count == 1)

        let summary = try await a.sync()
        #expect(summary.rejected == 1, "the replay repeats the refusal")
        #expect(try a.store.deadLetters().map(\.code) == ["PERMISSION_DENIED"])
        #expect(try a.store.status().outboxDepth == 0)
    }

    /// Item 6: the same append-only record created on two laptops (same id, same
    /// values, different versions) converges.
    @Test func sameAppendOnlyRecordOnTwoLaptopsConverges() async throws {
        let cluster = try await Cluster(agents: [["north"], ["north"]])
        let (a, b) = (cluster.agents[0], cluster.agents[1])
        let customer = try await cluster.sharedCustomer("Anika")
        let answer = try FeedbackResponse(customerID: customer.id, kind: .csat, score: 5, collectedAt: Cluster.epoch)
        try b.store.create(answer)
        try a.store.create(answer)  // a's version is the newer one
        _ = try await b.sync()
        _ = try await a.sync()
        _ = try await b.sync()
        let server = try await cluster.server.digest(territories: ["north"])
        #expect(try a.store.digest() == server)
        #expect(try b.store.digest() == server)
    }

    /// Item 9: a laptop database copied to a second laptop reuses the site; its new
    /// changes carry sequences the server already acknowledged with other content.
    @Test func copiedLaptopDatabaseIsRefusedNotSilentlyAcked() async throws {
        let cluster = try await Cluster(agents: [["north"]])
        let a = cluster.agents[0]
        try a.store.create(try Customer(name: "First", territory: "north"))
        let original = try a.store.outbox().map { SequencedChange(sequence: UInt64($0.seq), change: $0.change) }
        _ = try await a.sync()
        // The copy made before that sync writes something else under sequence 1.
        let copy = SequencedChange(sequence: original[0].sequence, change: Change(
            entity: .customer, id: UUID(), fields: original[0].change.fields))
        let error = await #expect(throws: ProtocolError.self) {
            try await cluster.service.push([copy], from: a.principal)
        }
        #expect(error?.code == .failedPrecondition)
        #expect(error?.message.contains("touchpoint-agent reset-site") == true)
        // Admins see why the laptop's pushes fail.
        let state = try await cluster.server.agents().first { $0.agent.id == a.principal.agentID }
        #expect(state?.lastError?.contains("touchpoint-agent reset-site") == true, "\(state?.lastError ?? "no last error")")
        // The original replaying its own change is still a plain duplicate.
        #expect(try await cluster.service.push(original, from: a.principal).duplicates == 1)
    }

    /// Item 9: the documented way out for a copied laptop: `reset-site` takes a new
    /// site, re-stamps its queued work, and the next sync pushes it; nothing is lost.
    @Test func copiedLaptopResetsItsSiteAndPushesItsWork() async throws {
        let cluster = try await Cluster(agents: [["north"]])
        let original = cluster.agents[0]
        try original.store.create(try Customer(name: "Before the copy", territory: "north"))
        _ = try await original.sync()
        var copy = try await cluster.copy(original)
        try original.store.create(try Customer(name: "On the original", territory: "north"))
        _ = try await original.sync()
        let work = try Customer(name: "On the copy", territory: "north")
        try copy.store.create(work)

        let refused = await #expect(throws: ProtocolError.self) { try await copy.sync() }
        #expect(refused?.message.contains("reset-site") == true)
        #expect(try copy.store.outboxDepth() == 1, "nothing is lost")

        let reset = try copy.store.resetSite()
        #expect(reset.requeued == 1 && reset.newSite != reset.oldSite)
        copy = try await cluster.reconnect(copy)
        _ = try await copy.sync()
        _ = try await original.sync()
        #expect(try original.store.record(Customer.self, id: work.id)?.name == "On the copy")
        let server = try await cluster.server.digest(territories: ["north"])
        #expect(try original.store.digest() == server)
        #expect(try copy.store.digest() == server)
    }
}
