import Foundation
import Testing
import TouchpointClusterTesting
import TouchpointModel
import TouchpointProtocol
import TouchpointServer
import TouchpointStore

extension ServerStoreConformance {
    /// A change carrying a value its field does not allow is refused alone with
    /// INVALID_ARGUMENT; the changes around it in the batch are applied.
    @Test(arguments: StoreKind.available)
    func aChangeWithAnInvalidValueIsRefusedAlone(kind: StoreKind) async throws {
        try await kind.withCluster(agents: [["north"]]) { cluster in
            let a = cluster.agents[0]
            let (before, after) = (try Customer(name: "Before", territory: "north"), try Customer(name: "After", territory: "north"))
            let invalid = a.creation(
                of: try Customer(name: "Invalid", territory: "north"), overriding: ["lifecycle": .text("immortal")])
            let outcome = try await a.push([a.creation(of: before), invalid, a.creation(of: after)])
            #expect(outcome.rejected.map(\.sequence) == [1_001])
            #expect(outcome.rejected.map(\.code) == [.invalidArgument])
            #expect(outcome.applied == 2)
            #expect(try await cluster.server.record(.customer, id: invalid.id) == nil)
            #expect(try await cluster.server.record(.customer, id: before.id) != nil)
            #expect(try await cluster.server.record(.customer, id: after.id) != nil)
            #expect(try await Self.log(cluster.server).map(\.change.id) == [before.id, after.id])
        }
    }

    /// A change writing half a field group (a case's status without its
    /// resolved_at) is refused alone; the group keeps its stored values.
    @Test(arguments: StoreKind.available)
    func aChangeWritingHalfAFieldGroupIsRefusedAlone(kind: StoreKind) async throws {
        try await kind.withCluster(agents: [["north"]]) { cluster in
            let a = cluster.agents[0]
            let customer = try Customer(name: "Anika", territory: "north")
            let ticket = try SupportCase(customerID: customer.id, subject: "Router", openedAt: Cluster.epoch)
            try a.store.create(customer)
            try a.store.create(ticket)
            _ = try await a.sync()

            let halfGroup = Change(entity: .supportCase, id: ticket.id, fields: [
                FieldChange(name: "status", value: .text("closed"), version: a.stamp())
            ])
            let rename = Change(entity: .customer, id: customer.id, fields: [
                FieldChange(name: "name", value: .text("Anika R."), version: a.stamp())
            ])
            let outcome = try await a.push([halfGroup, rename])
            #expect(outcome.rejected.map(\.code) == [.invalidArgument])
            #expect(outcome.rejected.first?.message.contains("status, resolved_at") == true)
            #expect(try await cluster.server.record(.supportCase, id: ticket.id)?.fields["status"]?.value == .text("open"))
            #expect(try await cluster.server.record(.customer, id: customer.id)?.fields["name"]?.value == .text("Anika R."))
        }
    }
}
