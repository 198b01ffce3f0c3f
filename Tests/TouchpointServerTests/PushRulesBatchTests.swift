import Foundation
import Testing
import TouchpointModel
import TouchpointProtocol
import TouchpointServer
import TouchpointStore
import TouchpointClient
import TouchpointClusterTesting

/// The push rules decide a batch on the records as the batch leaves them, change
/// after change, not only as the store held them before it.
@Suite struct PushRulesBatchTests {
    /// One batch: a customer and its interaction, written in north, then the customer
    /// moved to south. South agents must receive the interaction whole, though the
    /// store held neither record when the batch began.
    @Test func aMoveTakesAlongTheRecordsCreatedEarlierInTheSameBatch() async throws {
        let cluster = try await Cluster(agents: [["north", "south"], ["south"]])
        let hub = cluster.agents[0]
        let customer = try Customer(name: "Batch", territory: "north")
        try hub.store.create(customer)
        let interaction = try Interaction(
            customerID: customer.id, agentID: hub.principal.agentID, occurredAt: Date().addingTimeInterval(-60),
            channel: .chat, touchpoint: "onboarding", stage: .onboarding, outcome: .resolved)
        try hub.store.create(interaction)
        try hub.store.update(Customer.self, id: customer.id) { $0.territory = "south" }
        #expect(try await hub.sync().pushed == 3, "one batch of three changes")

        let south = try await cluster.scopedLog(territory: "south")
        #expect(south.contains { $0.change.entity == .interaction && $0.change.id == interaction.id }, "the interaction is logged in south")
        _ = try await cluster.agents[1].sync()
        #expect(try cluster.agents[1].store.record(Interaction.self, id: interaction.id) != nil, "south receives it")
        #expect(try cluster.agents[1].store.record(Customer.self, id: customer.id)?.territory == "south")
    }

    /// Two changes of one batch to one record: the second merges onto the first, and the
    /// record is written once.
    @Test func twoChangesToOneRecordInABatchMergeInOrder() async throws {
        let cluster = try await Cluster(agents: [["north"], ["north"]])
        let (first, second) = (cluster.agents[0], cluster.agents[1])
        let customer = try Customer(name: "Twice", territory: "north")
        try first.store.create(customer)
        try first.store.update(Customer.self, id: customer.id) { $0.segment = "smb" }
        try first.store.update(Customer.self, id: customer.id) { $0.segment = "enterprise" }
        _ = try await first.sync()
        _ = try await second.sync()
        #expect(try second.store.record(Customer.self, id: customer.id)?.segment == "enterprise")
        #expect(try await cluster.server.record(.customer, id: customer.id)?.fields["segment"]?.value == .text("enterprise"))
    }
}

extension Cluster {
    /// Every change logged under a territory, in sequence order.
    func scopedLog(territory: String) async throws -> [SequencedChange] {
        try await server.scopedChanges(after: 0, limit: 10_000, territories: [territory]).entries.map(\.sequenced)
    }
}
