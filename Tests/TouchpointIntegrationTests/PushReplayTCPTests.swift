import Foundation
import Testing
import TouchpointClient
import TouchpointModel
import TouchpointProtocol
import TouchpointServer
import TouchpointStore

/// Issue 8 item 2 over real TCP: a refusal whose acknowledgement was lost is
/// repeated on the replay, and the change ends in the dead letters.
@Suite struct PushReplayTCPTests {
    @Test func refusalWithLostAckOverTCP() async throws {
        let live = try await LiveServer.start()
        defer { Task { await live.stop() } }
        let hub = try await live.laptop("Hub", territories: ["north", "south"])
        let a = try await live.laptop("Ada", territories: ["north"])
        let moving = try Customer(name: "Moving", territory: "north")
        try hub.store.create(moving)
        try await hub.syncOnce()
        try await a.syncOnce()

        // Offline, Ada edits the customer while the hub moves it out of her territory.
        try a.store.update(Customer.self, id: moving.id) { $0.segment = "enterprise" }
        let stays = try Customer(name: "Stays", territory: "north")
        try a.store.create(stays)
        try hub.store.update(Customer.self, id: moving.id) { $0.territory = "south" }
        try await hub.syncOnce()

        // Ada's push is applied, but its PushAck never reaches her outbox.
        let entries = try a.store.outbox().map { SequencedChange(sequence: UInt64($0.seq), change: $0.change) }
        let lost = try await SyncConnection.withConnection(to: a.endpoint, configuration: try a.configuration) {
            try await $0.push(entries)
        }
        #expect(lost.rejected.map(\.code) == [.permissionDenied])
        #expect(try await live.store.digest(territories: ["north"]).entities["customer"]?.count == 1, "Stays was applied")
        #expect(try a.store.status().outboxDepth == 2)

        let summary = try await a.syncOnce()
        #expect(summary.rejected == 1, "the replay repeats the refusal")
        #expect(try a.store.deadLetters().map(\.code) == ["PERMISSION_DENIED"])
        #expect(try a.store.status().deadLetters == 1)
        #expect(try a.store.status().outboxDepth == 0)
        #expect(try a.store.record(Customer.self, id: moving.id) == nil, "moved out of Ada's territory")
        let result = try await a.verify()
        #expect(result.converged, "Ada differs from the server in \(result.differing)")
    }
}
