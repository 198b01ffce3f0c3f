import Foundation
import GRDB
import Testing
import TouchpointClient
import TouchpointModel
import TouchpointProtocol
import TouchpointStore

/// A server answering with numbers no real server sends (sequences above 2^63)
/// must not trap the laptop: the sync finishes or fails with an error, nothing more.
@Suite struct HostileServerTests {
    /// A transport standing in for a malicious server: every number at its maximum.
    struct HostileTransport: SyncTransport {
        var limits = ProtocolLimits.defaults
        /// The changes of every pulled page.
        var page: [SequencedChange] = []

        func push(_ entries: [SequencedChange]) async throws -> PushAcknowledgement {
            PushAcknowledgement(
                ackedSequence: .max, rejected: entries.map { _ in Rejection(sequence: .max, code: .permissionDenied, message: "no") },
                sequenceHead: .max)
        }

        func pull(after cursor: UInt64, limit: Int) async throws -> PulledPage {
            PulledPage(changes: page, nextCursor: .max, hasMore: false, sequenceHead: .max)
        }

        func digest() async throws -> RecordDigest { RecordDigest() }
    }

    @Test func hugeNumbersFromTheServerDoNotTrapTheLaptop() async throws {
        let store = try AgentStore(writer: try DatabaseQueue())
        try store.initialize(agentID: UUID(), territories: ["north"])
        try store.create(try Customer(name: "Anika", territory: "north"))
        _ = try? await SyncEngine(store: store).sync(over: HostileTransport())
        #expect(try store.deadLetters().isEmpty, "a refusal naming a sequence the laptop never sent touches nothing")
    }

    @Test func aVersionAtTheEndOfTheClockFailsThePullWithoutTrapping() async throws {
        let store = try AgentStore(writer: try DatabaseQueue())
        try store.initialize(agentID: UUID(), territories: ["north"])
        let version = FieldVersion(hlc: HLC(rawValue: .max), site: SiteID.random())
        let customer = try Customer(name: "Anika", territory: "north")
        let change = Change(entity: .customer, id: customer.id, fields: customer.fields.keys.sorted().map {
            FieldChange(name: $0, value: customer.fields[$0]!, version: version, base: version)
        })
        var transport = HostileTransport()
        transport.page = [SequencedChange(sequence: 1, change: change)]
        await #expect(throws: (any Error).self) { try await SyncEngine(store: store).sync(over: transport) }
        #expect(try store.record(Customer.self, id: customer.id) == nil, "the page was not applied")
    }
}
