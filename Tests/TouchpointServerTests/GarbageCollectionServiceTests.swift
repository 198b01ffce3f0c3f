import Foundation
import Logging
import Testing
import TouchpointClusterTesting
import TouchpointModel
import TouchpointProtocol
import TouchpointServer
import TouchpointStore

/// `serve --gc-interval`: the service collects on its schedule and ends when cancelled.
@Suite struct GarbageCollectionServiceTests {
    @Test func theServiceCollectsOnItsScheduleAndEndsWhenCancelled() async throws {
        let cluster = try await Cluster(agents: [["north"]])
        let writer = cluster.agents[0]
        let gone = try Customer(name: "Gone", territory: "north")
        try writer.store.create(gone)
        _ = try await writer.sync()
        try writer.store.delete(.customer, id: gone.id)
        try writer.store.create(try Customer(name: "Later", territory: "north"))
        for _ in 0..<2 { _ = try await writer.sync() }

        let service = GarbageCollectionService(store: cluster.server, interval: .milliseconds(5), logger: Logger(label: "test"))
        let running = Task { try await service.run() }
        var waits = 0
        // Polled, not timed: the purge is what the test waits for (the bound only stops a hang).
        while try await cluster.server.record(.customer, id: gone.id) != nil, waits < 2_000 {
            try await Task.sleep(for: .milliseconds(5))
            waits += 1
        }
        running.cancel()
        try await running.value
        #expect(try await cluster.server.record(.customer, id: gone.id) == nil, "a scheduled collection purged the tombstone")
        let audited = try await cluster.server.auditEntries(since: nil, limit: 1_000).filter { $0.action == .gc }
        #expect(!audited.isEmpty, "a collection that purged is in the audit log")
        #expect(audited.allSatisfy { $0.actor.name == "server (--gc-interval)" && $0.outcome == .ok && $0.target == "change log" })
        #expect(audited.count < waits + 1, "collections that changed nothing are not audited")
    }
}
