import Foundation
import Testing
import TouchpointClusterTesting
import TouchpointModel
import TouchpointProtocol
import TouchpointServer
import TouchpointStore

extension ServerStoreConformance {
    /// A batch pushed again under the same sequences (its acknowledgement was lost)
    /// is acknowledged as duplicates and logged once.
    @Test(arguments: StoreKind.available)
    func aReplayedBatchIsAcknowledgedAsDuplicatesAndLoggedOnce(kind: StoreKind) async throws {
        try await kind.withCluster(agents: [["north"], ["north"]]) { cluster in
            let (a, b) = (cluster.agents[0], cluster.agents[1])
            try a.store.create([try Customer(name: "Anika", territory: "north"), try Customer(name: "Musahib", territory: "north")])
            let batch = try a.queued()
            let first = try await a.transport.push(batch)
            let replay = try await a.transport.push(batch)
            #expect(first.applied == 2 && first.duplicates == 0)
            #expect(replay.applied == 0 && replay.duplicates == 2 && replay.rejected.isEmpty)
            #expect(replay.ackedSequence == first.ackedSequence)
            #expect(try await Self.log(cluster.server).count == 2, "logged once")

            _ = try await a.sync()  // the laptop's own retry: nothing new either
            #expect(try await cluster.server.head() == 2)
            try await Self.expectConverged([a, b])
        }
    }

    /// Another change under a sequence the server already acknowledged (a copied
    /// laptop database) is refused whole with FAILED_PRECONDITION, and nothing is logged.
    @Test(arguments: StoreKind.available)
    func anotherChangeUnderAUsedSequenceIsRefused(kind: StoreKind) async throws {
        try await kind.withCluster(agents: [["north"]]) { cluster in
            let a = cluster.agents[0]
            try a.store.create(try Customer(name: "First", territory: "north"))
            let original = try a.queued()
            _ = try await a.sync()
            let impostor = a.creation(of: try Customer(name: "Second", territory: "north"))
            let error = await #expect(throws: ProtocolError.self) {
                try await a.push([impostor], from: original[0].sequence)
            }
            #expect(error?.code == .failedPrecondition)
            #expect(try await cluster.server.record(.customer, id: impostor.id) == nil)
            #expect(try await cluster.server.head() == 1)
            #expect(try await a.transport.push(original).duplicates == 1, "the original replaying its change is still a duplicate")
        }
    }
}
