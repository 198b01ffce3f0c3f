import Foundation
import Testing
import TouchpointClient
import TouchpointClusterTesting
import TouchpointModel
import TouchpointProtocol
import TouchpointServer
import TouchpointStore

/// Item 4 of the field-work issue: one write stamped an hour ahead must not block
/// sync once the clock is right, and a refused push never blocks the pull.
@Suite struct ClockRepairTests {
    @Test func clockOnceAheadIsRepairedAndSyncsAtOnce() async throws {
        let cluster = try await Cluster(agents: [["north"], ["north"]])
        let (a, b) = (cluster.agents[0], cluster.agents[1])
        let customer = try await cluster.sharedCustomer("Anika")
        let ahead = Date().addingTimeInterval(3600)
        try a.store.create(try Customer(name: "Stamped ahead", territory: "north"), now: ahead)
        try a.store.update(Customer.self, id: customer.id) { $0.segment = "smb" }  // later stamps are ahead too

        let summary = try await a.sync()  // the wall clock is right again
        #expect(summary.restamped == 2)
        #expect(summary.pushed == 2)
        #expect(try a.store.status().outboxDepth == 0)
        #expect(try a.store.status().clockRepair?.contains("re-stamped") == true)
        _ = try await b.sync()
        #expect(try b.store.record(Customer.self, id: customer.id)?.segment == "smb")
        #expect(try a.store.digest() == (try b.store.digest()))

        // The clock is no longer ahead: a later edit sorts after the re-stamped ones.
        try a.store.update(Customer.self, id: customer.id) { $0.segment = "enterprise" }
        _ = try await a.sync()
        _ = try await b.sync()
        #expect(try b.store.record(Customer.self, id: customer.id)?.segment == "enterprise")
        #expect(try await cluster.server.conflicts(ConflictFilter()).isEmpty)
    }

    @Test func refusedPushDoesNotBlockThePull() async throws {
        let cluster = try await Cluster(agents: [["north"], ["north"]])
        let (a, b) = (cluster.agents[0], cluster.agents[1])
        let ahead = Date().addingTimeInterval(3600)
        try a.store.create(try Customer(name: "Stamped ahead", territory: "north"), now: ahead)
        let other = try Customer(name: "From B", territory: "north")
        try b.store.create(other)
        _ = try await b.sync()

        // A's wall clock is still ahead: its push is refused, but it still receives B's work.
        let error = await #expect(throws: ProtocolError.self) { try await a.engine.sync(over: a.transport, now: { ahead }) }
        #expect(error?.code == .failedPrecondition)
        #expect(try a.store.record(Customer.self, id: other.id)?.name == "From B")
        #expect(try a.store.status().outboxDepth == 1, "nothing lost")
        #expect(try a.store.status().lastError?.contains("clock skew") == true)
    }
}
