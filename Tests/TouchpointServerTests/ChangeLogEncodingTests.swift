import Foundation
import GRDB
import Testing
import TouchpointModel
import TouchpointProtocol
import TouchpointServer

/// The change log keeps the wire's encoding; `v5-change-log-protobuf` rewrites
/// what an older server logged as JSON, keeping every change and its sequence.
@Suite struct ChangeLogEncodingTests {
    @Test func aChangeLogWrittenAsJSONByAnOlderServerIsServedUnchangedAfterTheUpgrade() async throws {
        let old = try DatabaseQueue()
        try ServerSchema.migrator.migrate(old, upTo: "v4-reported-outbox-depth")
        let site = SiteID.random()
        let customer = UUID()
        let note = "said \"hi\"\n\tthen left — ünïcödé"
        let logged: [(UUID, EntityType, String)] = [
            (customer, .customer,
             #"[{"name":"name","value":{"text":"Ada"},"version":{"hlc":1000,"site":"\#(site)"}},"#
                + #"{"name":"territory","value":{"text":"north"},"version":{"hlc":1000,"site":"\#(site)"}},"#
                + #"{"name":"annual_value","value":{"int":1200},"version":{"hlc":1001,"site":"\#(site)"},"base":{"hlc":1000,"site":"\#(site)"}}]"#),
            (UUID(), .note,
             #"[{"name":"body","value":{"text":"\#(note.replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t"))"},"version":{"hlc":1002,"site":"\#(site)"}},"#
                + #"{"name":"pinned","value":null,"version":{"hlc":1002,"site":"\#(site)"}}]"#),
        ]
        try await old.write { db in
            for (id, entity, fields) in logged {
                try db.execute(
                    sql: "INSERT INTO changes(entity, entity_id, territory, site, fields, received_at) VALUES (?, ?, 'north', ?, ?, 0)",
                    arguments: [entity.rawValue, id.lowercasedText, site.description, fields])
            }
        }
        let store = try SQLiteServerStore(writer: old)
        let changes = try await store.changes(after: 0, limit: 10)
        let version = { (hlc: UInt64) in FieldVersion(hlc: HLC(rawValue: hlc), site: site) }
        #expect(changes.map(\.sequence) == [1, 2])
        #expect(
            changes[0].change
                == Change(entity: .customer, id: customer, fields: [
                    FieldChange(name: "name", value: .text("Ada"), version: version(1000)),
                    FieldChange(name: "territory", value: .text("north"), version: version(1000)),
                    FieldChange(name: "annual_value", value: .integer(1200), version: version(1001), base: version(1000)),
                ]))
        #expect(changes[1].change.fields.map(\.value) == [.text(note), .null])
        let columns = try await old.read { db in try db.columns(in: "changes").map(\.name) }
        #expect(!columns.contains("fields") && columns.contains("record"))
        #expect(try await store.info().head == 2, "the next change continues the sequence")
    }
}
