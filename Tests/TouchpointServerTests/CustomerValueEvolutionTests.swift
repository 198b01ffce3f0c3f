import Foundation
import GRDB
import Testing
import TouchpointClusterTesting
import TouchpointModel
import TouchpointProtocol
@testable import TouchpointServer
@testable import TouchpointStore

/// `annual_value` and `currency` were added to the customer after agents shipped
/// (schema 2). An agent that does not know them yet keeps syncing with one that
/// does: it writes customers without them, edits customers that have them, and
/// neither side loses the other's values.
@Suite struct CustomerValueEvolutionTests {
    /// A change written by an agent of schema 1: only the fields it knows, stamped with its site.
    static func olderChange(
        _ customer: UUID, _ values: [String: FieldValue], by agent: Cluster.FieldAgent, at version: FieldVersion,
        base: FieldVersion? = nil
    ) -> Change {
        Change(entity: .customer, id: customer, fields: values.keys.sorted().map {
            FieldChange(name: $0, value: values[$0]!, version: version, base: base)
        })
    }

    static func version(_ agent: Cluster.FieldAgent, logical: UInt16) -> FieldVersion {
        FieldVersion(hlc: HLC(physical: HLC.milliseconds(Date()), logical: logical), site: agent.principal.site)
    }

    @Test func anAgentWithoutTheValueFieldsKeepsSyncingWithOneThatHasThem() async throws {
        let cluster = try await Cluster(agents: [["north"], ["north"]])
        let (newer, older) = (cluster.agents[0], cluster.agents[1])

        // The older agent creates a customer whole, as schema 1 knows it.
        let id = UUID()
        var first = try Customer(id: id, name: "Anika", territory: "north").fields
        first = first.filter { Customer.descriptor[$0.key].since == 1 }
        let createdAt = Self.version(older, logical: 0)
        let created = try await cluster.service.push(
            [SequencedChange(sequence: 1, change: Self.olderChange(id, first, by: older, at: createdAt))], from: older.principal)
        #expect(created.rejected.isEmpty, "a customer without the new fields is valid")

        // The newer agent pulls it and gives it a value.
        _ = try await newer.sync()
        try newer.store.update(Customer.self, id: id) { c in
            c.annualValue = 1_250_000
            c.currency = "EUR"
        }
        _ = try await newer.sync()

        // The older agent pulls the new fields (it keeps them as fields it does not know) and edits another one.
        let page = try await cluster.service.pull(after: 0, limit: 100, for: older.principal)
        let pulled = Set(page.changes.flatMap { $0.change.fields.map(\.name) })
        #expect(pulled.isSuperset(of: ["annual_value", "currency"]), "the new fields reach the older agent")
        let edit = try await cluster.service.push(
            [SequencedChange(sequence: 2, change: Self.olderChange(
                id, ["segment": .text("enterprise")], by: older, at: Self.version(older, logical: 5), base: createdAt))],
            from: older.principal)
        #expect(edit.rejected.isEmpty && edit.conflicts == 0)

        // Both edits survive on the server and on the newer agent.
        _ = try await newer.sync()
        let customer = try #require(try newer.store.record(Customer.self, id: id))
        #expect(customer.segment == "enterprise")
        #expect(customer.annualValue == 1_250_000 && customer.currency == "EUR")
        #expect(try newer.store.digest() == (try await newer.transport.digest()))
    }

    @Test func upgradingADatabaseMovesTheValuesItKeptAsUnknownFieldsIntoTheirColumns() throws {
        let queue = try DatabaseQueue()
        let store = try AgentStore(writer: queue)
        try store.initialize(agentID: UUID(), territories: ["north"])
        let customer = try Customer(name: "Anika", territory: "north", annualValue: 1_250_000, currency: "EUR")
        let version = FieldVersion(hlc: HLC(physical: HLC.milliseconds(Date()), logical: 0), site: SiteID.random())
        let values = customer.fields
        _ = try store.applyPulled(
            [Change(entity: .customer, id: customer.id, fields: values.keys.sorted().map {
                FieldChange(name: $0, value: values[$0]!, version: version)
            })], cursor: 1)
        let digest = try store.digest()

        // Turn the database back into what schema 1 wrote: no columns, the two fields kept in `_extra`,
        // and `_versions` as the JSON object that store wrote.
        try queue.write { db in
            let site = try #require(try Int64.fetchOne(db, sql: "SELECT idx FROM sites WHERE site = ?", arguments: [version.site.description]))
            let stamp = "[\(version.hlc.rawValue),\(site)]"
            let older = values.keys.filter { $0 != "annual_value" && $0 != "currency" }.sorted()
            try db.execute(
                sql: "UPDATE customers SET _extra = ?, _versions = ?",
                arguments: [
                    #"{"annual_value":[{"int":1250000},"# + stamp.dropFirst() + #","currency":[{"text":"EUR"},"# + stamp.dropFirst() + "}",
                    "{" + older.map { "\"\($0)\":\(stamp)" }.joined(separator: ",") + "}",
                ])
            try db.execute(sql: "ALTER TABLE customers DROP COLUMN annual_value")
            try db.execute(sql: "ALTER TABLE customers DROP COLUMN currency")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v3-records-customer-value'")
        }

        let upgraded = try AgentStore(writer: queue)
        #expect(try upgraded.record(Customer.self, id: customer.id) == customer)
        #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT annual_value FROM customers") } == 1_250_000, "SQL sees the value")
        #expect(try queue.read { try String?.fetchOne($0, sql: "SELECT _extra FROM customers") } == .some(nil))
        #expect(try upgraded.digest() == digest, "the upgrade changes where values live, not what they are")
    }
}
