import Foundation
import Testing
import TouchpointModel
import TouchpointStore

@Suite struct ImportRecordConverterTests {
    let agent = UUID()
    var converter: RecordConverter { RecordConverter(agentID: agent) }
    let customer = "11111111-1111-4111-8111-111111111111"

    @Test func interactionRowTakesDefaultsAndParsesDates() throws {
        let record = try converter.record(
            .interaction,
            [
                "customer_id": customer, "occurred_at": "2025-06-15T14:30:00+02:00", "channel": "In-Person",
                "touchpoint": "Billing", "stage": "support", "outcome": "resolved", "summary": "",
            ])
        let interaction = try #require(record as? Interaction)
        #expect(interaction.agentID == agent)
        #expect(interaction.channel == .inPerson)
        #expect(interaction.touchpoint == "billing")
        #expect(interaction.direction == .inbound && interaction.sentiment == 0 && interaction.durationSeconds == 0)
        #expect(interaction.summary == nil)
        #expect(Timestamp.format(interaction.occurredAt) == "2025-06-15T12:30:00.000Z")
    }

    @Test func anExplicitIDIsKept() throws {
        let id = "22222222-2222-4222-8222-222222222222"
        let record = try converter.record(.customer, ["id": id, "name": "Anika", "territory": "north"])
        #expect(record.id == UUID(uuidString: id))
    }

    /// The id the first schema (before `annual_value` and `currency`) gave this row: re-importing an old file
    /// after an upgrade must find the records it made, not duplicate them.
    @Test func rowsWithoutIDKeepTheIDTheyHadBeforeFieldsWereAdded() throws {
        let row = ["name": "Anika", "territory": "north", "email": "a@example.com"]
        #expect(try converter.record(.customer, row).id == UUID(uuidString: "8debf28a-0edf-8580-a2cb-a6518c62f9ce"))
        let valued = try converter.record(.customer, row.merging(["annual_value": "100", "currency": "EUR"]) { $1 })
        #expect(valued.id != UUID(uuidString: "8debf28a-0edf-8580-a2cb-a6518c62f9ce"), "a new field with a value counts")
    }

    @Test func aCaseRowWithAResolutionTimeAndNoStatusIsResolved() throws {
        let row = ["customer_id": customer, "subject": "Refund", "opened_at": "2025-06-01T09:00:00Z", "resolved_at": "2025-06-02T09:00:00Z"]
        let resolved = try #require(try converter.record(.supportCase, row) as? SupportCase)
        #expect(resolved.status == .resolved, "not stored open while reports count it as resolved")
        #expect(throws: ValidationError.self, "an explicit open status with a resolution time is refused") {
            _ = try converter.record(.supportCase, row.merging(["status": "open"]) { $1 })
        }
    }

    @Test func rowsWithoutIDGetADeterministicOne() throws {
        let row = ["name": "Anika", "territory": "north", "email": "a@example.com"]
        let first = try converter.record(.customer, row)
        #expect(try converter.record(.customer, row).id == first.id)
        #expect(try converter.record(.customer, row.merging(["email": "b@example.com"]) { $1 }).id != first.id)
        #expect(first.id.uuidString.lowercased().dropFirst(14).first == "8")  // version 8 (custom)
    }

    @Test(arguments: [
        (["kind": "nps", "score": "11"], "feedback.score: NPS score must be 0–10, got 11"),
        (["kind": "csat", "score": "four"], "feedback.score: not an integer: 'four'"),
        (["kind": "nps", "score": "3", "collected_at": "soon"],
         "feedback.collected_at: not a date: 'soon' (give ISO 8601 or epoch milliseconds)"),
        (["kind": "nps", "score": "3", "customer_id": "nope"], "feedback.customer_id: not a UUID: 'nope'"),
        (["kind": "stars", "score": "3"], "feedback.kind: unknown survey kind 'stars' (expected one of: nps, csat, ces)"),
        (["kind": "nps", "score": "3", "subject": "x"], "feedback.subject: feedback has no field 'subject'"),
        (["kind": "nps", "score": "3", "collected_at": ""], "feedback.collected_at: is required"),
    ])
    func badFeedbackRowsSayWhichFieldAndWhy(overrides: [String: String], message: String) throws {
        var row = ["customer_id": customer, "collected_at": "1750000000000"]
        row.merge(overrides) { $1 }
        let error = #expect(throws: ValidationError.self) { try converter.record(.feedback, row) }
        #expect(error?.description == message)
    }

    @Test(arguments: [
        ("2025-06-15T14:30:00Z", "2025-06-15T14:30:00.000Z"),
        ("2025-06-15T14:30:00.5Z", "2025-06-15T14:30:00.500Z"),
        ("2025-06-15 14:30", "2025-06-15T14:30:00.000Z"),
        ("2025-06-15T14:30:00-0130", "2025-06-15T16:00:00.000Z"),
        ("2025-06-15", "2025-06-15T00:00:00.000Z"),
        ("1750000000000", "2025-06-15T15:06:40.000Z"),
        ("0", "1970-01-01T00:00:00.000Z"),
        ("1960-02-29T23:59:59.999Z", "1960-02-29T23:59:59.999Z"),
    ])
    func timestampsParseAndFormat(text: String, iso: String) throws {
        let ms = try #require(Timestamp.milliseconds(text))
        #expect(Timestamp.format(milliseconds: ms) == iso)
        #expect(Timestamp.milliseconds(iso) == ms)
    }

    @Test(arguments: ["", "yesterday", "2025-02-30", "2025-13-01", "2025-06-15T25:00", "1750000000", "2025-06-15T14:30Zjunk"])
    func badTimestampsAreRefused(text: String) {
        #expect(Timestamp.milliseconds(text) == nil)
    }

    @Test func recordRowsRoundTripThroughTheConverter() throws {
        let original = try SupportCase(
            customerID: UUID(), subject: "Login, again", status: .resolved, openedAt: Date(timeIntervalSince1970: 1_750_000_000),
            resolvedAt: Date(timeIntervalSince1970: 1_750_000_100.25), reopenCount: 2)
        let columns = RecordRow.columns([.supportCase])
        let values = RecordRow.csvFields(original, columns: columns)
        var row: [String: String] = [:]
        for (column, value) in zip(columns, values) where column != "type" { row[column] = value ?? "" }
        let back = try converter.record(.supportCase, row)
        #expect(back as? SupportCase == original)
    }
}
