import Foundation
import GRDB
import TouchpointModel
import TouchpointRecords

/// Appends local changes to the outbox with what they overwrote, and rolls a
/// refused one back. Runs inside the caller's transaction.
struct OutboxQueue {
    let db: Database

    /// Queues a change; `prior` is the record before it (nil when the change created it).
    func append(_ change: Change, prior: RecordState?, now: Date) throws {
        try db.cachedStatement(sql: "INSERT INTO outbox(entity, entity_id, change, created_at, prior) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [
                change.entity.rawValue, change.id.lowercasedText, try StoredChange.bytes(change),
                Int64(HLC.milliseconds(now)), try prior.map { try Self.encodePrior(change, $0) },
            ])
    }

    /// The prior states of the fields a change writes: a field change per field that
    /// existed (its value and version), none for a field that did not.
    private static func encodePrior(_ change: Change, _ prior: RecordState) throws -> Data {
        try StoredChange.priorBytes(change.written.compactMap { field in
            prior.fields[field.name].map { FieldChange(name: field.name, value: $0.value, version: $0.version) }
        }, of: change)
    }

    /// Undoes a refused change where nothing newer overwrote it: each field it wrote
    /// returns to what it was; a record it created is removed with what depends on it.
    func rollBack(_ change: Change, prior: Data?) throws {
        // A replay (after a server restore) wrote nothing here: there is nothing to undo.
        guard !change.written.allSatisfy(\.isReplay) else { return }
        var table = RecordTable()
        guard var state = try table.load(change.entity, change.id, db) else { return }
        guard let prior else {
            let mine = change.written.allSatisfy { state.fields[$0.name]?.version == $0.version }
            let untouched = state.fields.values.allSatisfy { field in change.written.contains { $0.version == field.version } }
            if mine, untouched { try remove(change.entity, change.id) }
            return
        }
        let before = Dictionary(try StoredChange.prior(prior).map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
        var changed = false
        for field in change.written where state.fields[field.name]?.version == field.version {
            state.fields[field.name] = before[field.name].map { FieldState(value: $0.value, version: $0.version) }
            changed = true
        }
        if changed { try table.save(state, db) }
    }

    private func remove(_ entity: EntityType, _ id: UUID) throws {
        let text = id.lowercasedText
        if entity == .customer {
            for dependent in EntityType.allCases where dependent != .customer {
                try db.execute(sql: "DELETE FROM \(RecordSchema.table(dependent)) WHERE customer_id = ?", arguments: [text])
            }
        }
        try db.execute(sql: "DELETE FROM \(RecordSchema.table(entity)) WHERE id = ?", arguments: [text])
    }
}
