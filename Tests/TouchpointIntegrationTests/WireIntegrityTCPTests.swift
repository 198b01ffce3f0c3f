import Foundation
import Testing
import TouchpointClient
import TouchpointModel
import TouchpointProtocol
import TouchpointServer
import TouchpointStore

/// Issue 9, data integrity on the wire: text the server cannot keep byte-exact
/// is refused for that change alone, and the rest of the batch applies.
@Suite struct WireIntegrityTCPTests {
    /// A new customer as a change whose fields all carry `version`, with some values replaced.
    static func creation(_ customer: Customer, _ version: FieldVersion, replacing: [String: FieldValue] = [:]) -> Change {
        let fields = customer.fields.merging(replacing) { $1 }
        return Change(entity: .customer, id: customer.id, fields: fields.keys.sorted().map {
            FieldChange(name: $0, value: fields[$0]!, version: version)
        })
    }

    @Test func textWithNULIsRefusedPerChangeOverTCP() async throws {
        let live = try await LiveServer.start()
        defer { Task { await live.stop() } }
        let north = try await live.laptop("North", territories: ["north"])
        let site = SiteID.random()
        let version = FieldVersion(hlc: HLC(physical: HLC.milliseconds(Date()), logical: 0), site: site)
        let plain = try Customer(name: "Plain", territory: "north")
        let cut = try Customer(name: "Ann", territory: "north")
        let configuration = ClientSessionConfiguration(siteID: site, agentID: north.agentID, token: north.token)
        let ack = try await SyncConnection.withConnection(to: live.endpoint, configuration: configuration) { connection in
            try await connection.push([
                SequencedChange(sequence: 1, change: Self.creation(plain, version)),
                SequencedChange(sequence: 2, change: Self.creation(cut, version, replacing: ["name": .text("Ann\u{0}Smith")])),
            ])
        }
        #expect(ack.rejected.map(\.sequence) == [2])
        #expect(ack.rejected.map(\.code) == [.invalidArgument])
        #expect(ack.rejected.first?.message.contains("NUL") == true, "\(ack.rejected.map(\.message))")
        #expect(ack.applied == 1 && ack.ackedSequence == 2)
        try await north.sync()
        #expect(try north.store.record(Customer.self, id: plain.id)?.name == "Plain")
        #expect(try north.store.record(Customer.self, id: cut.id) == nil, "no cut value reached the agent")
        #expect(try await live.store.digest(territories: nil).entities["customer"]?.count == 1)
    }

    @Test func invalidUTF8InOneChangeRefusesOnlyThatChange() async throws {
        var network = SyncServer.Configuration.defaults
        network.idleTimeout = .seconds(5)  // bounds the reads below
        let live = try await LiveServer.start(network: network)
        defer { Task { await live.stop() } }
        let north = try await live.laptop("North", territories: ["north"])
        let site = SiteID.random()
        let version = FieldVersion(hlc: HLC(physical: HLC.milliseconds(Date()), logical: 0), site: site)
        let customers = try ["First", "Second", "Third"].map { try Customer(name: $0, territory: "north") }
        let marker = "@@BAD@@"
        let changes = customers.enumerated().map { index, customer in
            SequencedChange(
                sequence: UInt64(index + 1),
                change: Self.creation(customer, version, replacing: index == 1 ? ["segment": .text(marker)] : [:]))
        }
        var push = try RawSession.frame(try .pushRequest(requestID: 2, changes: changes))
        // Same length, so the protobuf stays well-formed: only the text is no longer UTF-8.
        let at = try #require(push.indices.first { push[$0...].starts(with: Array(marker.utf8)) })
        push.replaceSubrange(at..<at + marker.utf8.count, with: [0x40, 0xff, 0xfe, 0xc3, 0x28, 0x40, 0x40])
        var machine = ClientSessionStateMachine(configuration: ClientSessionConfiguration(
            siteID: site, agentID: north.agentID, token: north.token))
        try await RawSession.with(live.endpoint) { session in
            try await session.send(try RawSession.frame(try machine.start()))
            guard case .welcome? = try await session.next()?.body else {
                Issue.record("no Welcome")
                return
            }
            try await session.send(push)
            let reply = try await session.next()
            guard case .pushAck(let ack)? = reply?.body else {
                Issue.record("expected a PushAck, got \(reply.map { "\($0.body.map { "\($0)" } ?? "nothing")" } ?? "a close")")
                return
            }
            #expect(ack.rejected.map(\.sequence) == [2])
            #expect(ack.rejected.map(\.code) == [.invalidArgument])
            #expect(ack.rejected.first?.message.contains("UTF-8") == true, "\(ack.rejected.map(\.message))")
            #expect(ack.applied == 2 && ack.ackedSequence == 3)
            try await session.send(try RawSession.frame(.ping(requestID: 3, nonce: 42)))
            guard case .pong(let pong)? = try await session.next()?.body else {
                Issue.record("the session did not survive the refused change")
                return
            }
            #expect(pong.nonce == 42)
        }
        #expect(try await live.store.digest(territories: nil).entities["customer"]?.count == 2)
    }
}
