import Foundation
import Testing
import TouchpointImport
import TouchpointModel
import TouchpointStore

@Suite struct ImportBatchTests {
    let store: AgentStore
    let agent = UUID()
    let now = Date(timeIntervalSince1970: 1_750_000_000)

    init() throws {
        store = try AgentStore.inMemory()
        try store.initialize(agentID: agent, territories: ["north"])
    }

    func importCSV(_ text: String, _ entity: EntityType?) throws -> (ImportSummary, [RejectedRow]) {
        var rejected: [RejectedRow] = []
        let summary = try Importer(store: store, batchSize: 2).run(
            bytes: Array(text.utf8), format: .csv, entity: entity, now: now, rejected: { rejected.append($0) })
        return (summary, rejected)
    }

    @Test func aBadRowNeverTakesGoodRowsDown() throws {
        let anika = try Customer(name: "Anika", territory: "north")
        let missing = UUID()
        let rows = [
            ImportRow(line: 2, record: try Note(customerID: anika.id, authorAgentID: agent, body: "before", createdAt: now)),
            ImportRow(line: 3, record: anika),
            ImportRow(line: 4, record: try Note(customerID: missing, authorAgentID: agent, body: "orphan", createdAt: now)),
            ImportRow(line: 5, record: try Note(customerID: anika.id, authorAgentID: agent, body: "after", createdAt: now)),
            ImportRow(line: 6, record: anika),
        ]
        let result = try store.importBatch(rows, now: now)
        #expect(result.imported == 2)
        #expect(result.duplicates == 1)
        #expect(result.rejected.map(\.line) == [2, 4])
        #expect(result.rejected[0].reason == "note.customer_id: no customer with id \(anika.id.uuidString.lowercased())")
        #expect(try store.status().records["note"] == 1)
        #expect(try store.outbox().count == 2)  // every created row is queued for sync
    }

    @Test func aRowTheWriterRefusesIsRolledBackAloneAfterTheBatchFails() throws {
        let rows = [
            ImportRow(line: 2, record: try Customer(name: "Anika", territory: "north")),
            ImportRow(line: 3, record: try Customer(name: "Sud", territory: "south")),
            ImportRow(line: 4, record: try Customer(name: "Zoe", territory: "north")),
        ]
        let result = try store.importBatch(rows, now: now)
        #expect(result.imported == 2)
        #expect(result.rejected.map(\.line) == [3])
        #expect(result.rejected.first?.reason.contains("outside this agent's territories") == true)
        #expect(try store.status().records["customer"] == 2)
        #expect(try store.outbox().map(\.change.id) == [rows[0].record.id, rows[2].record.id])
    }

    @Test func importingTwiceAddsNothing() throws {
        let csv = "name,territory,tags\nAnika,north,\"a,b\"\nMusahib,north,\nZoe,north,\n"
        let (first, _) = try importCSV(csv, .customer)
        #expect((first.rows, first.imported, first.duplicates, first.rejected) == (3, 3, 0, 0))
        let outbox = try store.outbox().count
        let (second, _) = try importCSV(csv, .customer)
        #expect((second.imported, second.duplicates) == (0, 3))
        #expect(try store.outbox().count == outbox)
    }

    @Test func rejectionsComeInLineOrderAcrossBatches() throws {
        let csv = "name,territory,email\nA,north,\nB,,\nC,north,bad\nD,north,\n\"E\n\",north,x\n"
        let (summary, rejected) = try importCSV(csv, .customer)
        #expect(summary.imported == 2)
        #expect(rejected.map(\.description) == [
            "line 3: customer.territory: is required",
            "line 4: customer.email: not an email address: 'bad'",
            "line 6: customer.email: not an email address: 'x'",
        ])
    }

    @Test(arguments: [ImportFormat.csv, .jsonl])
    func exportThenImportRoundTrips(format: ImportFormat) throws {
        let anika = try Customer(name: "Anika \"A\", Jr.", email: "a@example.com", territory: "north", tags: ["x", "y"])
        let interaction = try Interaction(
            customerID: anika.id, agentID: agent, occurredAt: now, channel: .chat, touchpoint: "billing", stage: .usage,
            sentiment: -2, outcome: .escalated, durationSeconds: 90, summary: "line one\nline two")
        let answer = try FeedbackResponse(customerID: anika.id, kind: .nps, score: 9, collectedAt: now)
        try store.create([anika, interaction, answer], now: now)

        var text = ""
        let count = try Exporter(store: store).run(format: format, entities: EntityType.allCases) { text += $0 }
        #expect(count == 3)

        let copy = try AgentStore.inMemory()
        try copy.initialize(agentID: agent)
        let summary = try Importer(store: copy).run(bytes: Array(text.utf8), format: format, entity: nil, rejected: { _ in })
        #expect(summary.imported == 3)
        #expect(try copy.record(Customer.self, id: anika.id) == anika)
        #expect(try copy.record(Interaction.self, id: interaction.id) == interaction)
        #expect(try copy.record(FeedbackResponse.self, id: answer.id) == answer)
    }

    @Test func aHeaderWithAnUnknownColumnIsRefused() throws {
        #expect(throws: ImportError.self) { try importCSV("name,colour\nA,red\n", .customer) }
    }
}
