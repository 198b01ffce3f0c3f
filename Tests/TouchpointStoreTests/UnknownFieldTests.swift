import Foundation
import GRDB
import Testing
import TouchpointModel
@testable import TouchpointStore

/// Item 14 of the field-work issue, where the rule lives: the record tables keep a
/// field this schema does not know, with its version, and give it back.
@Suite struct UnknownFieldTests {
    let queue: DatabaseQueue
    let store: AgentStore
    let now = Date(timeIntervalSince1970: 1_750_000_000)
    let newer = SiteID.random()

    init() throws {
        queue = try DatabaseQueue()
        store = try AgentStore(writer: queue)
        try store.initialize(agentID: UUID(), territories: ["north"])
    }

    func version(_ logical: UInt16 = 0, site: SiteID? = nil) -> FieldVersion {
        FieldVersion(hlc: HLC(physical: HLC.milliseconds(now), logical: logical), site: site ?? newer)
    }

    /// A whole customer as a newer agent writes it: every known field plus `loyalty_tier`.
    func newerCustomer(_ id: UUID = UUID()) throws -> Change {
        var values = try Customer(id: id, name: "Remote", territory: "north").fields
        values["loyalty_tier"] = .integer(120_000)
        return Change(entity: .customer, id: id, fields: values.keys.sorted().map {
            FieldChange(name: $0, value: values[$0]!, version: version())
        })
    }

    func state(_ id: UUID, in writer: some DatabaseWriter) throws -> RecordState? {
        try writer.read { db in
            var table = RecordTable()
            return try table.load(.customer, id, db)
        }
    }

    @Test func olderAgentKeepsAPulledRecordWithNewFields() throws {
        let change = try newerCustomer()
        #expect(try store.applyPulled([change], cursor: 1, now: now) == 1)
        #expect(try state(change.id, in: queue)?.fields["loyalty_tier"] == FieldState(value: .integer(120_000), version: version()))
        #expect(try store.record(Customer.self, id: change.id)?.name == "Remote", "typed reads ignore the unknown field")
        var expected = RecordDigest()
        expected.add(RecordState(entity: .customer, id: change.id, fields: Dictionary(uniqueKeysWithValues: change.fields.map {
            ($0.name, FieldState(value: $0.value, version: $0.version))
        })))
        #expect(try store.digest() == expected, "the digest covers the unknown field")
    }

    @Test func unknownFieldMergesByVersion() throws {
        let change = try newerCustomer()
        try store.applyPulled([change], cursor: 1, now: now)
        func write(_ value: Int64, _ version: FieldVersion) -> Change {
            Change(entity: .customer, id: change.id, fields: [FieldChange(name: "loyalty_tier", value: .integer(value), version: version)])
        }
        let lower = FieldVersion(hlc: HLC(physical: HLC.milliseconds(now) - 1_000, logical: 0), site: .random())
        try store.applyPulled([write(1, lower)], cursor: 2, now: now)
        #expect(try state(change.id, in: queue)?.fields["loyalty_tier"] == FieldState(value: .integer(120_000), version: version()))
        try store.applyPulled([write(3, version(5))], cursor: 3, now: now)
        #expect(try state(change.id, in: queue)?.fields["loyalty_tier"] == FieldState(value: .integer(3), version: version(5)))
    }

    @Test(arguments: [
        FieldValue.null, .text("quote \" backslash \\ newline \n ünïcode"), .integer(.max), .integer(.min), .real(-0.125),
    ])
    func unknownFieldValuesReadBackExactly(value: FieldValue) throws {
        let change = try newerCustomer()
        try store.applyPulled([change], cursor: 1, now: now)
        let write = Change(entity: .customer, id: change.id, fields: [FieldChange(name: "memo_2", value: value, version: version(1))])
        try store.applyPulled([write], cursor: 2, now: now)
        let held = try #require(try state(change.id, in: queue))
        #expect(held.fields["memo_2"] == FieldState(value: value, version: version(1)))
        #expect(held.fields["loyalty_tier"]?.value == .integer(120_000))
    }

    @Test func olderAgentReplaysTheUnknownFieldsItHolds() throws {
        let change = try newerCustomer()
        try store.applyPulled([change], cursor: 1, now: now)
        try store.update(Customer.self, id: change.id, now: now) { $0.segment = "smb" }
        let held = try #require(try state(change.id, in: queue))
        #expect(held.fields["loyalty_tier"] != nil, "a local edit keeps the unknown field")

        // What a restored server receives when the agent re-pushes what it holds.
        let restored = try DatabaseQueue()
        _ = try AgentStore(writer: restored)
        try restored.write { db in
            var table = RecordTable()
            for replay in held.replayChanges { _ = try table.merge(replay, validate: true, db) }
        }
        #expect(held.replayChanges.contains { $0.fields.contains { $0.name == "loyalty_tier" } })
        #expect(try state(change.id, in: restored) == held)
    }

    @Test func databasesFromBeforeUnknownFieldsUpgradeAndKeepTheirRecords() throws {
        let old = try DatabaseQueue()
        try AgentSchema.migrator.migrate(old, upTo: "v1-records")
        let customer = try Customer(name: "Kept", territory: "north")
        try old.write { db in
            try db.execute(sql: "INSERT INTO sites(site) VALUES (?)", arguments: [newer.description])
            try db.execute(
                sql: """
                    INSERT INTO customers(id, name, lifecycle, territory, _versions)
                    VALUES (?, 'Kept', 'prospect', 'north', '{"lifecycle":[7,1],"name":[7,1],"territory":[7,1]}')
                    """,
                arguments: [customer.id.uuidString.lowercased()])
        }
        let upgraded = try AgentStore(writer: old)
        try upgraded.initialize(agentID: UUID(), territories: ["north"])
        #expect(try upgraded.record(Customer.self, id: customer.id)?.name == "Kept")
        #expect(try state(customer.id, in: old)?.fields.count == 3)
    }
}
