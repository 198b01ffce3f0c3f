import Foundation
import Testing
import TouchpointClient
import TouchpointModel
import TouchpointProtocol
import TouchpointServer
import TouchpointStore

/// Issue 8 item 11: batches and pages are sized in bytes, free text has limits.
@Suite struct SizeLimitTests {
    /// Notes near the 64 KiB body limit sync through a server and a client that
    /// both announce frame limits far below what the whole set takes.
    @Test func oversizedNotesSyncInByteSizedBatches() async throws {
        let live = try await LiveServer.start(limits: ProtocolLimits(maxFrameBytes: 256 * 1024))
        defer { Task { await live.stop() } }
        let a = try await live.laptop("Ada", territories: ["north"])
        let b = try await live.laptop("Bo", territories: ["north"])
        let customer = try Customer(name: "Anika", territory: "north")
        try a.store.create(customer)
        let visit = String(repeating: "Long site visit, every rack inspected. ", count: 1_500)  // ~60 KB
        for index in 0..<40 {
            try a.store.create(try Note(customerID: customer.id, authorAgentID: a.agentID, body: "\(index). \(visit)", createdAt: Date()))
        }

        #expect(try await a.sync().pushed == 41)
        var small = try b.configuration
        small.limits = ProtocolLimits(maxFrameBytes: 200 * 1024)
        let pulled = try await SyncConnection.withConnection(to: b.endpoint, configuration: small) { connection in
            try await SyncEngine(store: b.store).sync(over: connection)
        }
        #expect(pulled.pulled == 41)
        #expect(try b.store.status().records["note"] == 40)
        #expect(try b.store.digest() == (try await b.serverDigest()))

        // Over-limit text never gets as far as the outbox.
        let huge = String(repeating: "x", count: 2_200_000)
        let error = #expect(throws: ValidationError.self) {
            try a.store.create(try SupportCase(customerID: customer.id, subject: huge, openedAt: Date()))
        }
        #expect(error?.field == "case.subject")
        #expect(error?.description.contains("at most 200 characters") == true, "\(String(describing: error))")
        #expect(throws: ValidationError.self) {
            try a.store.create(try Note(customerID: customer.id, authorAgentID: a.agentID, body: huge, createdAt: Date()))
        }
        #expect(try a.store.status().outboxDepth == 0)
    }

    /// A hand-made change with an over-limit text is refused by the server with
    /// the same model rule the agent applies at write time.
    @Test func serverRefusesOverLimitTextPushedByHand() async throws {
        let live = try await LiveServer.start()
        defer { Task { await live.stop() } }
        let a = try await live.laptop("Ada", territories: ["north"])
        let customer = try Customer(name: "Anika", territory: "north")
        try a.store.create(customer)
        try await a.sync()
        try a.store.create(try SupportCase(customerID: customer.id, subject: "Billing", openedAt: Date()))
        let entry = try #require(try a.store.outbox().first)
        var change = entry.change
        change.fields = change.fields.map { field in
            guard field.name == "subject" else { return field }
            return FieldChange(name: field.name, value: .text(String(repeating: "y", count: 2_000)), version: field.version)
        }
        let ack = try await SyncConnection.withConnection(to: a.endpoint, configuration: try a.configuration) { connection in
            try await connection.push([SequencedChange(sequence: UInt64(entry.seq), change: change)])
        }
        #expect(ack.rejected.map(\.code) == [.invalidArgument])
        #expect(ack.rejected.first?.message.contains("case.subject") == true, "\(ack.rejected)")
    }
}
