import Foundation
import Testing
import TouchpointClusterTesting
import TouchpointModel
import TouchpointProtocol
import TouchpointServer

/// A batch is first applied without a savepoint per change; when one change is
/// refused by the store, the batch is rolled back and applied again isolating
/// each change: the refused one alone is refused, the others applied once.
@Suite struct PushIsolationTests {
    @Test func aChangeTheStoreRefusesIsRefusedAloneAndTheOthersAreAppliedOnce() async throws {
        let cluster = try await Cluster(agents: [["north"]])
        let agent = cluster.agents[0]
        let version = FieldVersion(hlc: HLC(physical: HLC.milliseconds(Date()), logical: 0), site: agent.principal.site)
        func change(_ customer: Customer, _ edit: (inout [String: FieldValue]) -> Void = { _ in }) -> Change {
            var fields = customer.fields
            edit(&fields)
            return Change(entity: .customer, id: customer.id, fields: fields.keys.sorted().map {
                FieldChange(name: $0, value: fields[$0]!, version: version)
            })
        }
        let first = try Customer(name: "First", territory: "north")
        let bad = try Customer(name: "Bad", territory: "north")
        let last = try Customer(name: "Last", territory: "north")
        let batch = [
            SequencedChange(sequence: 1, change: change(first)),
            SequencedChange(sequence: 2, change: change(bad) { $0["lifecycle"] = .text("bogus") }),
            SequencedChange(sequence: 3, change: change(last)),
        ]
        let ack = try await cluster.service.push(batch, from: agent.principal)
        #expect(ack.applied == 2 && ack.ackedSequence == 3)
        #expect(ack.rejected.map(\.sequence) == [2] && ack.rejected.first?.code == .invalidArgument)
        #expect(ack.rejected.first?.message.contains("lifecycle") == true, "\(ack.rejected)")
        let logged = try await cluster.server.changes(after: 0, limit: 100)
        #expect(logged.map(\.change.id) == [first.id, last.id], "each applied change logged once")
        #expect(try await cluster.server.record(.customer, id: bad.id) == nil)
        // The replay of the same batch gets the same answer.
        let again = try await cluster.service.push(batch, from: agent.principal)
        #expect(again.rejected.map(\.sequence) == [2] && again.duplicates == 2)
    }
}
