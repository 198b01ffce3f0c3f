import Foundation
import GRDB
import TouchpointModel

/// The records a batch of changes touches, read in one query per entity, merged in
/// memory and written once each: set-based instead of a read and a write per change.
///
/// Several changes of the batch may name the same record; each merges onto what the
/// ones before it left, as if they were applied one by one. Runs inside the caller's
/// transaction, which ``save(_:)`` must reach before anything else reads the tables.
package struct RecordBatch {
    private var states: [EntityType: [UUID: RecordState]] = [:]
    /// The records merged since the last save, in the order first touched.
    private var touched: [RecordKey] = []
    private var isTouched: Set<RecordKey> = []
    /// The records the table holds (written with an upsert; the others with a plain INSERT).
    private var stored: Set<RecordKey> = []

    private struct RecordKey: Hashable {
        var entity: EntityType
        var id: UUID
    }

    /// Reads the stored state of every record the changes name.
    package init(for changes: [Change], table: inout RecordTable, _ db: Database) throws {
        let ids = Dictionary(grouping: changes, by: \.entity).mapValues { $0.map(\.id) }
        for entity in EntityType.allCases {
            guard let ids = ids[entity] else { continue }
            let loaded = try table.load(entity, ids, db)
            states[entity] = loaded
            for id in loaded.keys { stored.insert(RecordKey(entity: entity, id: id)) }
        }
    }

    /// The state of a record as the batch holds it now (nil: it does not exist).
    package func state(_ entity: EntityType, _ id: UUID) -> RecordState? { states[entity]?[id] }

    /// Merges a change into the record it names (``RecordTable/merge(_:into:validate:)``);
    /// the record is written by the next ``save(_:)``.
    package mutating func merge(_ change: Change, validate: Bool) throws -> MergeResult {
        var state = states[change.entity]?[change.id]
        let result = try RecordTable.merge(change, into: &state, validate: validate)
        guard !result.applied.isEmpty else { return result }
        states[change.entity, default: [:]][change.id] = state
        let key = RecordKey(entity: change.entity, id: change.id)
        if isTouched.insert(key).inserted { touched.append(key) }
        return result
    }

    /// Writes every record merged since the last save, once each, with the table's prepared upserts.
    package mutating func save(_ table: inout RecordTable, _ db: Database) throws {
        for key in touched {
            guard let state = states[key.entity]?[key.id] else { continue }
            if stored.insert(key).inserted { try table.insert(state, db) } else { try table.save(state, db) }
        }
        touched.removeAll(keepingCapacity: true)
        isTouched.removeAll(keepingCapacity: true)
    }
}
