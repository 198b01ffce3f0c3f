import Foundation
import GRDB
import Testing
import TouchpointModel
import TouchpointRecords
@testable import TouchpointStore

@Suite struct AgentStoreTests {
    let queue: DatabaseQueue
    let store: AgentStore
    let agent = UUID()
    let now = Date(timeIntervalSince1970: 1_750_000_000)

    init() throws {
        queue = try DatabaseQueue()
        store = try AgentStore(writer: queue)
        try store.initialize(agentID: agent, territories: ["north"])
    }

    func customer(_ name: String = "Anika") throws -> Customer {
        try Customer(name: name, persona: "tech_savvy", territory: "north")
    }

    @Test func migrationsAreNamedAndAppliedOnce() throws {
        let applied = try queue.read { try AgentSchema.migrator.appliedMigrations($0) }
        #expect(applied == ["v1-records", "v2-records-unknown-fields", "v3-records-customer-value", "v4-records-customer-erasure", "v1-agent", "v2-agent-prior", "v3-agent-outbox-record-bytes"])
        _ = try AgentStore(writer: queue)  // re-opening migrates nothing and keeps data
        #expect(try store.identity().agentID == agent)
    }

    @Test func identityIsCreatedOnceAndKept() throws {
        let first = try store.identity()
        let again = try store.initialize()
        #expect(again.site == first.site)
        #expect(again.territories == ["north"])
    }

    @Test func uninitializedStoreSaysHowToFixIt() throws {
        let fresh = try AgentStore.inMemory()
        let error = #expect(throws: StoreError.self) { try fresh.create(try customer()) }
        #expect(error?.message.contains("touchpoint-agent init") == true)
    }

    @Test func createStoresRecordVersionsAndOutboxTogether() throws {
        let c = try customer()
        try store.create(c, now: now)
        #expect(try store.record(Customer.self, id: c.id) == c)
        let outbox = try store.outbox()
        #expect(outbox.count == 1)
        let change = try #require(outbox.first?.change)
        #expect(change.entity == .customer && change.id == c.id)
        #expect(Set(change.fields.map(\.name)).isSuperset(of: ["name", "territory", "lifecycle"]))
        #expect(change.fields.allSatisfy { $0.base == nil && $0.version.site == (try? store.identity().site) })
    }

    @Test func updateQueuesOnlyChangedFieldsOverTheirBase() throws {
        let c = try customer()
        try store.create(c, now: now)
        let created = try #require(store.outbox().first)
        try store.update(Customer.self, id: c.id, now: now) { $0.segment = "smb" }
        let entries = try store.outbox()
        #expect(entries.map(\.seq) == [created.seq, created.seq + 1])
        let update = try #require(entries.last?.change.fields)
        #expect(update.map(\.name) == ["segment"])
        #expect(update[0].base == created.change.fields.first { $0.name == "segment" }?.version)
        #expect(update[0].version > update[0].base!)
    }

    @Test func aFailingWriteLeavesNoOutboxEntry() throws {
        let c = try customer()
        try store.create(c, now: now)
        #expect(throws: StoreError.self) { try store.create(c, now: now) }  // duplicate id
        let bad = try customer("Bad")
        let batch: [any SyncRecord] = [try customer("Ok"), bad, bad]  // third collides with second
        #expect(throws: StoreError.self) { try store.create(batch, now: now) }
        #expect(try store.outbox().count == 1)
        #expect(try store.status().records["customer"] == 1)
    }

    @Test func aFailingOutboxInsertLeavesNoRecord() throws {
        try queue.write { db in
            try db.execute(sql: "CREATE TEMP TRIGGER boom BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END")
        }
        let c = try customer()
        #expect(throws: DatabaseError.self) { try store.create(c, now: now) }
        #expect(try store.record(Customer.self, id: c.id) == nil)
        #expect(try store.status().records["customer"] == 0)
    }

    @Test func sqliteItselfRefusesBadRows() throws {
        let error = #expect(throws: DatabaseError.self) {
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO customers(id, name, lifecycle, territory, _versions)
                    VALUES ('00000000-0000-0000-0000-000000000001', 'x', 'zombie', 'north', '{}')
                    """)
            }
        }
        #expect(error?.resultCode == .SQLITE_CONSTRAINT)
    }

    @Test func appendOnlyRecordsCannotBeEdited() throws {
        let c = try customer()
        try store.create(c, now: now)
        let note = try Note(customerID: c.id, authorAgentID: agent, body: "hello", createdAt: now)
        try store.create(note, now: now)
        #expect(throws: StoreError.self) { try store.update(Note.self, id: note.id) { $0.body = "changed" } }
    }

    @Test func deleteIsATombstoneThatSyncs() throws {
        let c = try customer()
        try store.create(c, now: now)
        try store.delete(.customer, id: c.id, now: now)
        #expect(try store.record(Customer.self, id: c.id) == nil)
        let delete = try #require(try store.outbox().last?.change)
        #expect(delete.written.map(\.name) == [tombstoneField])
        #expect(Set(delete.seen.keys) == Set(Customer.fieldNames), "the delete carries what its author had seen of every field")
        #expect(throws: StoreError.self) { try store.delete(.customer, id: c.id) }
    }

    @Test func listFiltersByFieldPeriodAndSearchWithPages() throws {
        let c = try customer()
        try store.create(c, now: now)
        var records: [any SyncRecord] = []
        for i in 0..<10 {
            records.append(try Interaction(
                customerID: c.id, agentID: agent, occurredAt: now.addingTimeInterval(Double(i) * 3600),
                channel: i % 2 == 0 ? .phone : .email, touchpoint: "billing", stage: .support, outcome: .resolved,
                summary: "call \(i)"))
        }
        try store.create(records, now: now)
        var filter = RecordFilter()
        filter.equals = ["channel": .text("phone")]
        #expect(try store.list(Interaction.self, filter).count == 5)
        filter.from = now.addingTimeInterval(3600 * 4)
        let later = try store.list(Interaction.self, filter)
        #expect(later.map(\.summary) == ["call 8", "call 6", "call 4"])
        var page = RecordFilter()
        page.limit = 3
        page.offset = 3
        #expect(try store.list(Interaction.self, page).map(\.summary) == ["call 6", "call 5", "call 4"])
        page.search = "call 9"
        page.offset = 0
        #expect(try store.list(Interaction.self, page).count == 1)
        var bad = RecordFilter()
        bad.equals = ["nope": .null]
        #expect(throws: StoreError.self) { try store.list(Interaction.self, bad) }
    }

    @Test func idPrefixesResolveUniquely() throws {
        let c = try customer()
        try store.create(c, now: now)
        let text = c.id.uuidString.lowercased()
        #expect(try store.resolveID(.customer, String(text.prefix(8))) == c.id)
        #expect(throws: StoreError.self) { try store.resolveID(.customer, "ab") }
    }

    @Test func pulledPageAndCursorApplyTogether() throws {
        let remoteSite = SiteID.random()
        let id = UUID()
        let version = FieldVersion(hlc: HLC(physical: HLC.milliseconds(now), logical: 0), site: remoteSite)
        let fields = try Customer(id: id, name: "Remote", territory: "north").fields
        let change = Change(entity: .customer, id: id, fields: fields.map { FieldChange(name: $0.key, value: $0.value, version: version) })
        #expect(try store.applyPulled([change], cursor: 42, now: now) == 1)
        #expect(try store.applyPulled([change], cursor: 42, now: now) == 0, "re-applying a page is a no-op")
        #expect(try store.record(Customer.self, id: id)?.name == "Remote")
        #expect(try store.status().pullCursor == 42)
        #expect(try store.outbox().isEmpty, "pulled changes are not queued for push")
        // A later local tick sorts after the pulled version.
        try store.update(Customer.self, id: id, now: now) { $0.segment = "smb" }
        #expect(try store.outbox().last!.change.fields[0].version > version)
    }

    @Test func pulledPageIsAllOrNothing() throws {
        let good = Change(entity: .customer, id: UUID(), fields: try Customer(name: "G", territory: "north").fields.map {
            FieldChange(name: $0.key, value: $0.value, version: FieldVersion(hlc: HLC(physical: 1, logical: 0), site: .random()))
        })
        // A whole record whose customer is nowhere: the page fails on its foreign key at commit.
        let dangling = try Interaction(
            customerID: UUID(), agentID: UUID(), occurredAt: now, channel: .chat, touchpoint: "support", stage: .support,
            outcome: .resolved)
        let orphan = Change(entity: .interaction, id: dangling.id, fields: dangling.fields.map {
            FieldChange(name: $0.key, value: $0.value, version: FieldVersion(hlc: HLC(physical: 1, logical: 0), site: .random()))
        })
        #expect(throws: DatabaseError.self) { try store.applyPulled([good, orphan], cursor: 7, now: now) }
        #expect(try store.status().pullCursor == 0)
        #expect(try store.record(Customer.self, id: good.id) == nil)
    }

    @Test func deadLettersLeaveTheOutboxAndShowInStatus() throws {
        try store.create(try customer("A"), now: now)
        try store.create(try customer("B"), now: now)
        let first = try #require(store.outbox().first)
        try store.deadLetter(seq: first.seq, code: "PERMISSION_DENIED", message: "out of territory", now: now)
        #expect(try store.outbox().count == 1)
        let letters = try store.deadLetters()
        #expect(letters.map(\.entry.seq) == [first.seq])
        #expect(letters[0].entry.change == first.change)
        #expect(try store.status().deadLetters == 1)
        try store.settle(rejections: [], acknowledgedUpTo: first.seq + 1)
        #expect(try store.status().outboxDepth == 0)
    }
}
