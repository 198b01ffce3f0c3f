import Foundation
import Testing
import TouchpointClient
import TouchpointModel
import TouchpointProtocol
import TouchpointServer
import TouchpointStore

/// Issue 8 item 7 over real TCP: hand-made changes that write outside the
/// pusher's scope or as someone else come back refused with PERMISSION_DENIED,
/// and nothing of them reaches other agents.
@Suite struct HostileChangeTCPTests {
    @Test func hostileChangesOverTCP() async throws {
        let live = try await LiveServer.start()
        defer { Task { await live.stop() } }
        let north = try await live.laptop("North", territories: ["north"])
        let south = try await live.laptop("South", territories: ["south"])
        let northCustomer = try Customer(name: "N", territory: "north")
        let southCustomer = try Customer(name: "S", territory: "south")
        let northCase = try SupportCase(customerID: northCustomer.id, subject: "Router", openedAt: Date().addingTimeInterval(-3600))
        let note = try Note(customerID: northCustomer.id, authorAgentID: north.agentID, body: "prefers email", createdAt: Date())
        try north.store.create([northCustomer, northCase, note])
        try south.store.create(southCustomer)
        try await north.syncOnce()
        try await south.syncOnce()
        let head = try await live.store.info().head

        // A client holding North's token, with a site of its own.
        let site = SiteID.random()
        let version = FieldVersion(hlc: HLC(physical: HLC.milliseconds(Date()), logical: 0), site: site)
        let answer = try FeedbackResponse(
            customerID: northCustomer.id, agentID: south.agentID, kind: .nps, score: 2, collectedAt: Date())
        let hostile: [(String, Change, String)] = [
            ("re-parenting a north case onto a south customer", Change(entity: .supportCase, id: northCase.id, fields: [
                FieldChange(name: "customer_id", value: .id(southCustomer.id), version: version)
            ]), "outside your territories"),
            ("a version stamped with another site", Change(entity: .customer, id: northCustomer.id, fields: [
                FieldChange(name: "segment", value: .text("smb"), version: FieldVersion(hlc: version.hlc, site: try south.store.identity().site))
            ]), "not this session's site"),
            ("feedback naming another agent", Change(entity: .feedback, id: answer.id, fields: answer.fields.keys.sorted().map {
                FieldChange(name: $0, value: answer.fields[$0]!, version: version)
            }), "only record their own"),
            ("an edit of an append-only note", Change(entity: .note, id: note.id, fields: [
                FieldChange(name: "body", value: .text("rewritten"), version: version)
            ]), "append-only"),
        ]
        let configuration = ClientSessionConfiguration(siteID: site, agentID: north.agentID, token: north.token)
        try await SyncConnection.withConnection(to: live.endpoint, configuration: configuration) { connection in
            for (index, (what, change, reason)) in hostile.enumerated() {
                let ack = try await connection.push([SequencedChange(sequence: UInt64(index + 1), change: change)])
                #expect(ack.rejected.map(\.code) == [.permissionDenied], "\(what)")
                #expect(ack.rejected.first?.message.contains(reason) == true, "\(what): \(ack.rejected.map(\.message))")
                #expect(ack.applied == 0, "\(what)")
            }
        }
        #expect(try await live.store.info().head == head, "nothing was logged")

        for laptop in [north, south] {
            #expect(try await laptop.syncOnce().pulled == 0)
            let result = try await laptop.verify()
            #expect(result.converged, "differs from the server in \(result.differing)")
        }
        #expect(try north.store.record(SupportCase.self, id: northCase.id)?.customerID == northCustomer.id)
        #expect(try north.store.record(Customer.self, id: northCustomer.id)?.segment == nil)
        #expect(try north.store.record(Note.self, id: note.id)?.body == "prefers email")
        #expect(try south.store.record(SupportCase.self, id: northCase.id) == nil)
        #expect(try south.store.status().records.filter { $0.key != "customer" }.values.allSatisfy { $0 == 0 })
        #expect(try await live.store.digest(territories: nil).entities["follow_up"]?.count == 0, "no closed loop for it")
    }
}
