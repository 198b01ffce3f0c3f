import Foundation
import GRDB
import Testing
import TouchpointClient
import TouchpointClusterTesting
import TouchpointModel
import TouchpointProtocol
import TouchpointRecords
@testable import TouchpointServer
@testable import TouchpointStore

/// Item 14 of the field-work issue: a field this replica does not know (written by a
/// newer agent) is kept and forwarded, never refused, so older agents keep syncing.
@Suite struct SchemaEvolutionTests {
    /// Older agents — a hub (north and south), a north one and a south one — share a
    /// north customer; `newer` speaks for an agent whose schema has `loyalty_tier` (a field a later version may add).
    struct World {
        let cluster: Cluster
        /// The cluster's store, whose rows the tests read.
        let server: SQLiteServerStore
        let hub: Cluster.FieldAgent
        let north: Cluster.FieldAgent
        let south: Cluster.FieldAgent
        let newer: Cluster.FieldAgent
        let customer: Customer
        var olderAgents: [Cluster.FieldAgent] { [hub, north, south] }

        init() async throws {
            server = try SQLiteServerStore(writer: try DatabaseQueue())
            cluster = try await Cluster(store: server, agents: [["north", "south"], ["north"], ["south"]])
            (hub, north, south) = (cluster.agents[0], cluster.agents[1], cluster.agents[2])
            newer = try await cluster.addAgent(name: "newer", territories: ["north", "south"])
            customer = try await cluster.sharedCustomer("Anika")
        }

        /// A version of the newer agent's site (or `agent`'s), `logical` ticks into the millisecond `at`.
        func version(_ agent: Cluster.FieldAgent? = nil, at: Date = Date(), logical: UInt16 = 0) -> FieldVersion {
            FieldVersion(hlc: HLC(physical: HLC.milliseconds(at), logical: logical), site: (agent ?? newer).principal.site)
        }

        /// Pushes one hand-made change of the customer as `agent` (the newer one by default).
        func push(
            _ values: [String: FieldValue], version: FieldVersion, as agent: Cluster.FieldAgent? = nil, seq: UInt64 = 1
        ) async throws -> PushAcknowledgement {
            let change = Change(entity: .customer, id: customer.id, fields: values.keys.sorted().map {
                FieldChange(name: $0, value: values[$0]!, version: version)
            })
            return try await cluster.service.push([SequencedChange(sequence: seq, change: change)], from: (agent ?? newer).principal)
        }

        /// Syncs every older agent and expects each to hold what the server holds of its scope.
        func expectConverged() async throws {
            for agent in olderAgents {
                _ = try await agent.sync()
                #expect(try agent.store.digest() == (try await agent.transport.digest()), "\(agent.principal.name) converged")
            }
        }

        func serverState() async throws -> RecordState? {
            try await server.writer.read { db in
                var table = RecordTable()
                return try table.load(.customer, customer.id, db)
            }
        }

        func state(_ agent: Cluster.FieldAgent) throws -> RecordState? {
            try agent.store.writer.read { db in
                var table = RecordTable()
                return try table.load(.customer, customer.id, db)
            }
        }
    }

    @Test func unknownFieldIsKeptAndForwardedByTheServer() async throws {
        let world = try await World()
        let version = world.version()
        let outcome = try await world.push(["segment": .text("enterprise"), "loyalty_tier": .integer(120_000)], version: version)
        #expect(outcome.rejected.isEmpty)
        #expect(outcome.applied == 1)

        let kept = FieldState(value: .integer(120_000), version: version)
        #expect(try await world.serverState()?.fields["loyalty_tier"] == kept, "the server keeps the field with its version")
        let page = try await world.cluster.service.pull(after: 0, limit: 100, for: world.north.principal)
        let forwarded = try #require(page.changes.last?.change.fields.first { $0.name == "loyalty_tier" })
        #expect(FieldState(value: forwarded.value, version: forwarded.version) == kept, "the change log forwards it")
    }

    @Test func olderAgentKeepsPullingChangesWithNewFields() async throws {
        let world = try await World()
        let version = world.version()
        _ = try await world.push(["segment": .text("enterprise"), "loyalty_tier": .integer(120_000)], version: version)

        _ = try await world.north.sync()
        _ = try await world.hub.sync()
        let kept = FieldState(value: .integer(120_000), version: version)
        #expect(try world.state(world.north)?.fields["loyalty_tier"] == kept)
        #expect(try world.state(world.hub)?.fields["loyalty_tier"] == kept)
        #expect(try world.north.store.record(Customer.self, id: world.customer.id)?.segment == "enterprise")
        try await world.expectConverged()

        // The pull goes on past it.
        try world.hub.store.update(Customer.self, id: world.customer.id) { $0.phone = "+1 555 0100" }
        _ = try await world.hub.sync()
        _ = try await world.north.sync()
        #expect(try world.north.store.record(Customer.self, id: world.customer.id)?.phone == "+1 555 0100")
    }

    @Test func editingAKnownFieldKeepsTheUnknownOne() async throws {
        let world = try await World()
        let version = world.version()
        _ = try await world.push(["loyalty_tier": .integer(120_000)], version: version)
        _ = try await world.north.sync()

        try world.north.store.update(Customer.self, id: world.customer.id) { $0.segment = "smb" }
        _ = try await world.north.sync()
        _ = try await world.hub.sync()

        let kept = FieldState(value: .integer(120_000), version: version)
        #expect(try world.state(world.north)?.fields["loyalty_tier"] == kept, "the editing agent keeps it")
        #expect(try await world.serverState()?.fields["loyalty_tier"] == kept, "the server keeps it")
        #expect(try world.state(world.hub)?.fields["loyalty_tier"] == kept, "other agents keep it")
        #expect(try world.hub.store.record(Customer.self, id: world.customer.id)?.segment == "smb")
        try await world.expectConverged()
    }

    @Test(arguments: [false, true])
    func unknownFieldsMergeByVersion(higherFirst: Bool) async throws {
        let world = try await World()
        let other = try await world.cluster.addAgent(name: "newer-2", territories: ["north"])
        let now = Date()
        let (high, low) = (world.version(at: now, logical: 9), world.version(other, at: now, logical: 1))
        let pushes = [
            { try await world.push(["loyalty_tier": .integer(2)], version: high) },
            { try await world.push(["loyalty_tier": .integer(1)], version: low, as: other) },
        ]
        for push in higherFirst ? pushes : pushes.reversed() {
            #expect(try await push().rejected.isEmpty)
        }
        try await world.expectConverged()

        let winner = FieldState(value: .integer(2), version: high)
        #expect(try await world.serverState()?.fields["loyalty_tier"] == winner)
        #expect(try world.state(world.north)?.fields["loyalty_tier"] == winner)
        #expect(try world.state(world.hub)?.fields["loyalty_tier"] == winner)
    }

    @Test func aCustomerMovingTerritoryTakesItsUnknownFieldsAlong() async throws {
        let world = try await World()
        let version = world.version()
        _ = try await world.push(["loyalty_tier": .text("large")], version: version)
        _ = try await world.hub.sync()

        try world.hub.store.update(Customer.self, id: world.customer.id) { $0.territory = "south" }
        _ = try await world.hub.sync()
        _ = try await world.south.sync()

        #expect(try world.state(world.south)?.fields["loyalty_tier"] == FieldState(value: .text("large"), version: version))
        try await world.expectConverged()
    }

    static let badNames = [
        "", String(repeating: "a", count: 65), "Annual", "annual-value", "annual value", "annual_välue",
        "x\"); DROP TABLE customers; --", "_versions", "_extra", "id", "deleted",
    ]

    @Test(arguments: badNames)
    func malformedFieldNamesAreRefusedAsInvalid(name: String) async throws {
        let world = try await World()
        let outcome = try await world.push([name: .integer(1)], version: world.version())
        #expect(outcome.rejected.map(\.code) == [.invalidArgument])
        #expect(outcome.rejected.first?.message.contains("field name") == true)
        #expect(try await world.serverState()?.fields[name] == nil)
        #expect(try await world.cluster.server.digest(territories: nil).entities["customer"]?.count == 1)
    }

    @Test func unknownFieldsOverTheSizeLimitAreRefused() async throws {
        let world = try await World()
        let half = String(repeating: "x", count: 40_000)
        #expect(try await world.push(["annual_notes": .text(half)], version: world.version(logical: 1)).rejected.isEmpty)
        let outcome = try await world.push(["annual_memo": .text(half)], version: world.version(logical: 2), seq: 2)
        #expect(outcome.rejected.map(\.code) == [.invalidArgument])
        #expect(outcome.rejected.first?.message.contains("65536") == true)
        #expect(try await world.serverState()?.fields["annual_memo"] == nil)
        try await world.expectConverged()
    }
}
