import Foundation
import GRDB
import TouchpointModel

/// Reads and writes ``RecordState`` rows of the record tables, applying the
/// merge rule field by field. All functions run inside the caller's transaction.
///
/// A state holds every field with its version: the entity's own, the tombstone,
/// and fields this schema does not know (``ExtraFields``), which are kept and
/// forwarded, never refused.
package struct RecordTable {
    package private(set) var sites = SiteTable()

    package init() {}

    /// The stored state of a record, or nil.
    package mutating func load(_ entity: EntityType, _ id: UUID, _ db: Database) throws -> RecordState? {
        let table = RecordSchema.table(entity)
        let columns = (entity.fieldNames + Self.stateColumns).map { "\"\($0)\"" }.joined(separator: ", ")
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT \(columns) FROM \(table) WHERE id = ?"), arguments: [id.lowercasedText])
        else { return nil }
        return try state(entity, id, row, db)
    }

    /// The columns after the entity's fields that a state is read from and written to.
    package static let stateColumns = ["deleted", "_versions", "_extra"]

    /// Decodes a row that holds the entity's field columns, `deleted`, `_versions` and `_extra`.
    package mutating func state(_ entity: EntityType, _ id: UUID, _ row: Row, _ db: Database) throws -> RecordState {
        let versions = try decodeVersions(row["_versions"], entity, db)
        var fields: [String: FieldState] = [:]
        for name in entity.fieldNames {
            guard let version = versions[name] else { continue }
            fields[name] = FieldState(value: FieldValue(row[name] as DatabaseValue), version: version)
        }
        if let version = versions[tombstoneField] {
            fields[tombstoneField] = FieldState(value: .integer(row["deleted"]), version: version)
        }
        if let extra: String = row["_extra"] { try ExtraFields.decode(extra, into: &fields, sites: &sites, db) }
        return RecordState(entity: entity, id: id, fields: fields)
    }

    /// Writes a full record state (insert or replace).
    package mutating func save(_ state: RecordState, _ db: Database) throws {
        try db.cachedStatement(sql: Self.upsertSQL[state.entity]!).execute(arguments: try columnValues(state, db))
    }

    /// Writes the state of a record the caller knows is not stored yet: a plain INSERT,
    /// which SQLite runs without the statement journal an upsert needs.
    package mutating func insert(_ state: RecordState, _ db: Database) throws {
        try db.cachedStatement(sql: Self.insertSQL[state.entity]!).execute(arguments: try columnValues(state, db))
    }

    /// The values of `id`, the entity's fields, `deleted`, `_versions` and `_extra`, in that order.
    private mutating func columnValues(_ state: RecordState, _ db: Database) throws -> StatementArguments {
        var values: [DatabaseValue] = [state.id.lowercasedText.databaseValue]
        for name in state.entity.fieldNames { values.append((state.fields[name]?.value ?? .null).databaseValue) }
        values.append((state.isDeleted ? 1 : 0).databaseValue)
        values.append(try encodeVersions(state, db).databaseValue)
        values.append(try ExtraFields.encode(state, sites: &sites, db).databaseValue)
        return StatementArguments(values)
    }

    /// Each entity's INSERT, built once.
    private static let insertSQL: [EntityType: String] = Dictionary(uniqueKeysWithValues: EntityType.allCases.map { entity in
        let columns = Self.writtenColumns(entity).joined(separator: ", ")
        let placeholders = Array(repeating: "?", count: Self.writtenColumns(entity).count).joined(separator: ", ")
        return (entity, "INSERT INTO \(RecordSchema.table(entity)) (\(columns)) VALUES (\(placeholders))")
    })

    /// Each entity's upsert (the INSERT, updating every column of a row that exists), built once.
    private static let upsertSQL: [EntityType: String] = Dictionary(uniqueKeysWithValues: EntityType.allCases.map { entity in
        let updates = Self.writtenColumns(entity).dropFirst().map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        return (entity, insertSQL[entity]! + " ON CONFLICT(id) DO UPDATE SET \(updates)")
    })

    /// The quoted columns a state is written to, in ``columnValues(_:_:)``'s order.
    private static func writtenColumns(_ entity: EntityType) -> [String] {
        (["id"] + entity.fieldNames + stateColumns).map { "\"\($0)\"" }
    }

    /// Merges a change into the stored record and writes the result.
    ///
    /// A change for a record that does not exist yet must carry every required
    /// field. With `validate`, the record as the change would leave it (its
    /// values over the stored ones) must pass the domain rules.
    package mutating func merge(_ change: Change, validate: Bool, _ db: Database) throws -> MergeResult {
        try merge(change, onto: try load(change.entity, change.id, db), validate: validate, db)
    }

    /// Merges a change into a record state the caller already loaded in this transaction.
    ///
    /// The merge rule alone decides (``RecordState/apply(_:)``); with `validate`, the
    /// merged record must pass the domain rules, which it always does when the
    /// change itself was valid, since field groups merge as units.
    package mutating func merge(_ change: Change, onto stored: RecordState?, validate: Bool, _ db: Database) throws -> MergeResult {
        var state = stored
        let result = try Self.merge(change, into: &state, validate: validate)
        // Absent optional fields are stored as null; a missing required one fails NOT NULL.
        // A record not stored yet takes a plain INSERT (no statement journal, which an upsert needs).
        if !result.applied.isEmpty, let state { try stored == nil ? insert(state, db) : save(state, db) }
        return result
    }

    /// Merges a change into a record state held in memory (nil: the record does not exist
    /// yet), without writing it: the caller saves the state once its batch is merged.
    ///
    /// The state changes only when the change applied something and passed the checks.
    package static func merge(_ change: Change, into stored: inout RecordState?, validate: Bool) throws -> MergeResult {
        var state = stored ?? RecordState(entity: change.entity, id: change.id)
        let existed = !state.fields.isEmpty
        try ExtraFields.checkNames(change)
        let merge = state.apply(change)
        guard !merge.applied.isEmpty else { return MergeResult(applied: [], conflicts: merge.conflicts, created: false) }
        if validate { try ExtraFields.checkSize(state) }
        if validate, !state.isDeleted {
            var values = state.values
            values[tombstoneField] = nil
            try change.entity.validate(id: change.id, fields: values)
        }
        stored = state
        return MergeResult(applied: merge.applied, conflicts: merge.conflicts, created: !existed)
    }

    /// The `_versions` text of the entity's own fields and the tombstone (unknown fields go to `_extra`).
    private mutating func encodeVersions(_ state: RecordState, _ db: Database) throws -> String {
        try VersionsColumn.encode(state) { try sites.index(of: $0, db) }
    }

    /// The versions a `_versions` text names.
    private mutating func decodeVersions(_ text: String, _ entity: EntityType, _ db: Database) throws -> [String: FieldVersion] {
        try VersionsColumn.decode(text, entity: entity) { try sites.site(at: $0, db) }
    }
}

extension RecordTable {
    /// Visits every record state of an entity matching an optional SQL condition on
    /// the table (aliased `r`), in pages, inside the caller's read.
    package mutating func forEachState(
        _ entity: EntityType, where condition: String = "1", arguments: [DatabaseValue] = [], _ db: Database,
        _ body: (RecordState) throws -> Void
    ) throws {
        let table = RecordSchema.table(entity)
        let columns = (["id"] + entity.fieldNames + Self.stateColumns).map { "r.\"\($0)\"" }.joined(separator: ", ")
        let sql = "SELECT \(columns) FROM \(table) r WHERE \(condition)"
        let cursor = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(arguments))
        while let row = try cursor.next() {
            guard let id = UUID(text: row["id"]) else { throw StoreError.corrupt("bad id in \(table)") }
            try body(try state(entity, id, row, db))
        }
    }

    /// The SQL condition that limits an entity's rows (alias `r`) to customers of the given territories.
    package static func territoryCondition(_ entity: EntityType, count: Int) -> String {
        let list = Array(repeating: "?", count: count).joined(separator: ", ")
        if entity == .customer { return "r.territory IN (\(list))" }
        return "r.customer_id IN (SELECT id FROM customers WHERE territory IN (\(list)))"
    }
}
