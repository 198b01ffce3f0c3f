import Foundation
import Testing
import TouchpointClient
import TouchpointModel
import TouchpointProtocol
import TouchpointServer
import TouchpointStore

/// The agent keeps two push batches in flight. A batch sent behind one the
/// server refused names it (`previous_sequence`) and is refused too, so the
/// refused batch's changes are never taken for replays when they come again.
@Suite struct PipelinedPushTCPTests {
    private func customer(_ name: String, site: SiteID, at date: Date) throws -> Change {
        let customer = try Customer(name: name, territory: "north")
        let version = FieldVersion(hlc: HLC(physical: HLC.milliseconds(date), logical: 0), site: site)
        return Change(entity: .customer, id: customer.id, fields: customer.fields.keys.sorted().map {
            FieldChange(name: $0, value: customer.fields[$0]!, version: version)
        })
    }

    @Test func aBatchSentBehindARefusedOneIsRefusedAndItsChangesAreNotSkippedAsReplays() async throws {
        let live = try await LiveServer.start()
        defer { Task { await live.stop() } }
        let ada = try await live.laptop("Ada", territories: ["north"])
        let site = SiteID.random()
        let ahead = try customer("ahead", site: site, at: Date().addingTimeInterval(86_400))
        let fine = try customer("fine", site: site, at: Date())
        let configuration = ClientSessionConfiguration(siteID: site, agentID: ada.agentID, token: ada.token)
        try await SyncConnection.withConnection(to: live.endpoint, configuration: configuration) { connection in
            let first = try await connection.sendPush([SequencedChange(sequence: 1, change: ahead)], previous: nil)
            let second = try await connection.sendPush([SequencedChange(sequence: 2, change: fine)], previous: 1)
            let refused = await #expect(throws: ProtocolError.self) { try await connection.receivePush(first) }
            #expect(refused?.code == .failedPrecondition)
            let behind = await #expect(throws: ProtocolError.self) { try await connection.receivePush(second) }
            #expect(behind?.code == .failedPrecondition)
            #expect(behind?.message.contains("before this one") == true, "\(behind?.message ?? "")")
            // The session is still in step: a pull answers, with nothing logged.
            let page = try await connection.pull(after: 0, limit: 10)
            #expect(page.changes.isEmpty)
            // Pushed again in order (the first with its clock put right), both apply.
            let repaired = try customer("ahead", site: site, at: Date())
            let again = try await connection.push([
                SequencedChange(sequence: 1, change: Change(entity: .customer, id: ahead.id, fields: repaired.fields)),
                SequencedChange(sequence: 2, change: fine),
            ])
            #expect(again.applied == 2 && again.duplicates == 0)
        }
    }

    @Test func aSyncOverManyBatchesPushesEverythingOnce() async throws {
        let live = try await LiveServer.start(limits: ProtocolLimits(maxBatchChanges: 3))
        defer { Task { await live.stop() } }
        let ada = try await live.laptop("Ada", territories: ["north"])
        let bo = try await live.laptop("Bo", territories: ["north"])
        for index in 0..<20 { try ada.store.create(try Customer(name: "c\(index)", territory: "north")) }
        let summary = try await ada.sync()
        #expect(summary.pushed == 20 && summary.rejected == 0)
        #expect(try ada.store.outboxDepth() == 0)
        #expect(try await live.store.info().head == 20)
        try await bo.sync()
        #expect(try bo.store.digest() == (try await bo.serverDigest()))
        #expect(try bo.store.digest() == (try ada.store.digest()))
    }
}
