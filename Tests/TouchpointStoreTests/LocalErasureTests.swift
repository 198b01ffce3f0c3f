import Foundation
import GRDB
import Testing
import TouchpointModel
import TouchpointRecords
@testable import TouchpointStore

/// A laptop that pulls a customer's erasure keeps nothing personal about it — not in
/// its records, nor in changes still queued, nor in dead letters (with what they
/// overwrote) — and refuses new personal values for it, while its facts stay.
@Suite struct LocalErasureTests {
    let store: AgentStore
    let now = Date(timeIntervalSince1970: 1_750_000_000)
    let server = SiteID.random()

    init() throws {
        store = try AgentStore(writer: try DatabaseQueue())
        try store.initialize(agentID: UUID(), territories: ["north"])
    }

    func version(_ physical: UInt64) -> FieldVersion { FieldVersion(hlc: HLC(physical: physical, logical: 0), site: server) }

    /// Every text this laptop holds about the records with `ids`, anywhere.
    func texts(_ ids: Set<UUID>) throws -> [String] {
        var values: [FieldValue] = []
        for entity in EntityType.allCases {
            for id in ids { values += (try store.state(entity, id: id))?.fields.values.map(\.value) ?? [] }
        }
        values += try store.outbox().filter { ids.contains($0.change.id) }.flatMap { $0.change.fields.map(\.value) }
        values += try store.deadLetters().filter { ids.contains($0.entry.change.id) }.flatMap { $0.entry.change.fields.map(\.value) }
        return values.compactMap(\.text)
    }

    @Test func pullingAnErasureScrubsRecordsQueuedChangesAndDeadLetters() throws {
        let customer = try Customer(name: "Anika Rao", email: "anika@example.com", segment: "smb", territory: "north")
        try store.applyPulled([Change(entity: .customer, id: customer.id, fields: customer.fields.keys.sorted().map {
            FieldChange(name: $0, value: customer.fields[$0]!, version: version(1_000))
        })], cursor: 1, now: now)
        let note = try Note(customerID: customer.id, authorAgentID: UUID(), body: "Anika prefers email", createdAt: now)
        try store.create(note, now: now)
        try store.update(Customer.self, id: customer.id, now: now) { $0.phone = "+49 30 1234" }
        let refused = try #require(try store.outbox().last)
        try store.deadLetter(seq: refused.seq, code: "PERMISSION_DENIED", message: "no")
        try store.update(Customer.self, id: customer.id, now: now) { $0.email = "anika.rao@example.com"; $0.segment = "enterprise" }
        #expect(try texts([customer.id, note.id]).contains { $0.contains("Anika") || $0.contains("anika") || $0.contains("+49") })

        let erasure = Change(entity: .customer, id: customer.id, fields: [
            FieldChange(name: Erasure.erasedAtField, value: .date(now), version: version(2_000))
        ])
        try store.applyPulled([erasure], cursor: 2, now: now)

        let left = try texts([customer.id, note.id])
        #expect(left.allSatisfy { !$0.localizedCaseInsensitiveContains("anika") && !$0.contains("+49") }, "\(left)")
        let erased = try #require(try store.record(Customer.self, id: customer.id))
        #expect(erased.name == Erasure.placeholder && erased.email == nil && erased.segment == "enterprise" && erased.erasedAt != nil)
        #expect(try store.record(Note.self, id: note.id)?.body == Erasure.placeholder)
        #expect(try store.outboxDepth() == 2, "queued changes stay queued, without their personal values")
        let deadPhone = try store.deadLetters().first.flatMap { $0.entry.change.fields.first { $0.name == "phone" } }
        #expect(deadPhone?.value == .null, "the dead letter lost the phone number")
    }

    @Test func anErasedCustomerTakesNoNewPersonalValuesAndNobodyButTheServerErases() throws {
        let customer = try Customer(name: "Anika", territory: "north")
        try store.create(customer, now: now)
        #expect(throws: StoreError.self, "only the server sets erased_at") {
            try store.update(Customer.self, id: customer.id, now: now) { $0.erasedAt = now }
        }
        try store.applyPulled([Change(entity: .customer, id: customer.id, fields: [
            FieldChange(name: Erasure.erasedAtField, value: .date(now), version: version(UInt64(HLC.milliseconds(now)) + 1))
        ])], cursor: 1, now: now)
        #expect(throws: StoreError.self) { try store.update(Customer.self, id: customer.id, now: now) { $0.email = "a@example.com" } }
        #expect(throws: StoreError.self) {
            try store.create(try Note(customerID: customer.id, authorAgentID: UUID(), body: "call her", createdAt: now), now: now)
        }
        try store.update(Customer.self, id: customer.id, now: now) { $0.lifecycle = .churned }
        try store.create(try Interaction(
            customerID: customer.id, agentID: UUID(), occurredAt: now, channel: .chat, touchpoint: "billing", stage: .support,
            outcome: .resolved), now: now)
        #expect(try store.record(Customer.self, id: customer.id)?.lifecycle == .churned, "facts can still be recorded")
    }
}
