import Foundation
import GRDB
import Testing
import TouchpointModel
import TouchpointRecords
@testable import TouchpointStore

/// An upgraded laptop keeps its outbox: a database written by the JSON-outbox code
/// path (migrations up to `v2-agent-prior`, rows as that code wrote them) opens with
/// every queued change, prior and dead letter as protobuf record bytes, and its
/// sequence numbers are never reused.
@Suite struct OutboxRecordMigrationTests {
    let queue: DatabaseQueue
    let site = SiteID.random()
    let now = Date(timeIntervalSince1970: 1_750_000_000)
    let anika: Customer
    let created: Change
    let renamed: Change
    let refused: Change

    init() throws {
        queue = try DatabaseQueue()
        try AgentSchema.migrator.migrate(queue, upTo: "v2-agent-prior")
        let anika = try Customer(name: "Anika", territory: "north")
        self.anika = anika
        let first = FieldVersion(hlc: HLC(physical: HLC.milliseconds(now), logical: 0), site: site)
        let second = FieldVersion(hlc: HLC(physical: HLC.milliseconds(now), logical: 1), site: site)
        created = Change(entity: .customer, id: anika.id, fields: anika.fields.keys.sorted().compactMap { name in
            anika.fields[name] == .null ? nil : FieldChange(name: name, value: anika.fields[name]!, version: first)
        })
        renamed = Change(entity: .customer, id: anika.id, fields: [
            FieldChange(name: "name", value: .text("Anika \"B\"\n"), version: second, base: first)
        ])
        let zoe = try Customer(name: "Zoe", territory: "north")
        refused = Change(entity: .customer, id: zoe.id, fields: [FieldChange(name: "name", value: .text("Zoe"), version: first)])
        try writeAsTheJSONOutboxDid()
    }

    /// What the JSON-outbox code left: the record as renamed, its two queued changes (the
    /// rename with its prior), a dead letter, and a fourth change already acknowledged.
    private func writeAsTheJSONOutboxDid() throws {
        let (site, now, created, renamed, refused) = (site, now, created, renamed, refused)
        try queue.write { db in
            try Meta.set(.siteID, site.description, db)
            try Meta.set(.agentID, UUID().lowercasedText, db)
            try Meta.set(.territories, "north", db)
            var state = RecordState(entity: .customer, id: created.id)
            state.apply(created)
            state.apply(renamed)
            var table = RecordTable()
            try table.save(state, db)
            let ms = Int64(HLC.milliseconds(now))
            let insert = "INSERT INTO outbox(entity, entity_id, change, created_at, prior) VALUES (?, ?, ?, ?, ?)"
            let prior = [FieldChange(name: "name", value: .text("Anika"), version: created.fields[0].version)]
            for (change, prior) in [(created, nil), (renamed, FieldChangeCoding.encode(prior)), (refused, nil), (refused, nil)] {
                try db.execute(
                    sql: insert,
                    arguments: ["customer", change.id.lowercasedText, FieldChangeCoding.encode(change.fields), ms, prior])
            }
            try db.execute(sql: """
                INSERT INTO dead_letters(seq, entity, entity_id, change, created_at, prior, code, message, failed_at)
                SELECT seq, entity, entity_id, change, created_at, prior, 'PERMISSION_DENIED', 'no', created_at FROM outbox WHERE seq = 3
                """)
            try db.execute(sql: "DELETE FROM outbox WHERE seq >= 3")
        }
    }

    @Test func queuedChangesPriorsAndDeadLettersSurviveAsRecordBytes() throws {
        let store = try AgentStore(writer: queue)
        #expect(try store.outbox().map(\.change) == [created, renamed])
        #expect(try store.deadLetters().map(\.entry.change) == [refused])
        let kinds = try queue.read { db in
            try String.fetchAll(db, sql: """
                SELECT typeof(change) FROM outbox UNION ALL SELECT typeof(prior) FROM outbox WHERE prior IS NOT NULL
                UNION ALL SELECT typeof(change) FROM dead_letters
                """)
        }
        #expect(kinds == ["blob", "blob", "blob", "blob"])

        // The converted prior still rolls a refused rename back.
        try store.deadLetter(seq: 2, code: "PERMISSION_DENIED", message: "no", now: now)
        #expect(try store.record(Customer.self, id: anika.id)?.name == "Anika")
    }

    @Test func sequenceNumbersAreNeverReused() throws {
        let store = try AgentStore(writer: queue)
        try store.create(try Customer(name: "Next", territory: "north"), now: now)
        #expect(try store.outbox().map(\.seq) == [1, 2, 5])
    }
}
