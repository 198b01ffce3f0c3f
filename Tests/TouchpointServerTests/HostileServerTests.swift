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

        func push(_ entries: [SequencedChange]) async throws -> PushAcknowledgement {
            PushAcknowledgement(
                ackedSequence: .max, rejected: entries.map { _ in Rejection(sequence: .max, code: .permissionDenied, message: "no") },
                sequenceHead: .max)
        }

        func pull(after cursor: UInt64, limit: Int) async throws -> PulledPage {
            PulledPage(changes: [], nextCursor: .max, hasMore: false, sequenceHead: .max)
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
}
