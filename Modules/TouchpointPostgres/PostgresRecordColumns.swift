import Foundation
import PostgresNIO
import TouchpointModel
import TouchpointRecords

/// How one entity's records sit in its PostgreSQL table: `id`, the entity's
/// fields in descriptor order, `deleted`, `_versions` and `_extra` — the columns
/// of ``PostgresSchema``, derived from the field descriptors. A field's column is
/// BIGINT when its kind travels as an integer and TEXT otherwise, as the schema
/// tests check.
///
/// The statements are built once per entity; the values travel as one array
/// per column, so a statement binds as many parameters for one record as for ten
/// thousand.
struct PostgresRecordColumns: Sendable {
    /// The entity whose table this is.
    let entity: EntityType
    /// The table's name.
    let table: String
    /// The entity's field names, in column order.
    let names: [String]
    /// Whether each field's column (same order) is BIGINT rather than TEXT.
    let isInteger: [Bool]
    /// The columns a state is read from, quoted, each prefixed with the table alias `r`.
    let selection: String
    /// `INSERT … SELECT FROM unnest($1, …) ON CONFLICT (id) DO UPDATE SET` every column.
    let upsert: String
    /// The same `INSERT` without `ON CONFLICT`: a record another transaction inserted
    /// first fails it (unique violation) instead of being overwritten.
    let insert: String

    private init(_ entity: EntityType) {
        self.entity = entity
        table = RecordSchema.table(entity)
        names = entity.fieldNames
        isInteger = names.map { entity.descriptor[$0].kind.isInteger }
        let columns = (["id"] + names + RecordTable.stateColumns).map { "\"\($0)\"" }
        selection = columns.map { "r." + $0 }.joined(separator: ", ")
        let types = ["text"] + isInteger.map { $0 ? "bigint" : "text" } + ["boolean", "text", "text"]
        let arrays = types.enumerated().map { "$\($0.offset + 1)::\($0.element)[]" }.joined(separator: ", ")
        let updates = columns.dropFirst().map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        insert = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) SELECT * FROM unnest(\(arrays))"
        upsert = insert + " ON CONFLICT (id) DO UPDATE SET \(updates)"
    }

    /// The columns of each entity, built once.
    private static let all: [EntityType: PostgresRecordColumns] = Dictionary(
        uniqueKeysWithValues: EntityType.allCases.map { ($0, PostgresRecordColumns($0)) })

    /// The columns of `entity`'s table.
    static func of(_ entity: EntityType) -> PostgresRecordColumns { all[entity]! }

    /// Reads a row selected with ``selection``; its versions are decoded later, once their sites are known.
    func row(_ row: PostgresRow) throws -> PostgresRecordRow {
        var cells = row.makeIterator()
        func next() throws -> PostgresCell {
            guard let cell = cells.next() else { throw StoreError.corrupt("a row of \(table) has too few columns") }
            return cell
        }
        let idText = try next().decode(String.self)
        guard let id = UUID(text: idText) else { throw StoreError.corrupt("bad id in \(table)") }
        var values: [FieldValue] = []
        values.reserveCapacity(names.count)
        for integer in isInteger {
            let cell = try next()
            values.append(integer ? (try cell.decode(Int64?.self)).map(FieldValue.integer) ?? .null : .text(try cell.decode(String?.self)))
        }
        return PostgresRecordRow(
            id: id, values: values, deleted: try next().decode(Bool.self), versions: try next().decode(String.self),
            extra: try next().decode(String?.self))
    }

    /// The upsert of `states` (all of this entity, ids distinct): one array per column,
    /// the versions and unknown fields encoded with the sites' indexes.
    func upsert(_ states: [RecordState], inserting: Bool = false, siteIndex: (SiteID) throws -> Int64) throws -> PostgresQuery {
        var texts = names.map { _ in [String?]() }
        var integers = names.map { _ in [Int64?]() }
        var ids: [String] = [], deleted: [Bool] = [], versions: [String] = [], extras: [String?] = []
        for state in states {
            ids.append(state.id.lowercasedText)
            for (column, name) in names.enumerated() {
                let value = state.fields[name]?.value ?? .null
                if isInteger[column] {
                    integers[column].append(try Self.integer(value, name, of: state))
                } else {
                    texts[column].append(Self.text(value))
                }
            }
            deleted.append(state.isDeleted)
            versions.append(try VersionsColumn.encode(state, siteIndex: siteIndex))
            extras.append(try ExtraFields.encode(state, siteIndex: siteIndex))
        }
        var binds = PostgresBindings(capacity: names.count + 4)
        binds.append(ids)
        for column in names.indices {
            if isInteger[column] {
                binds.append(PostgresNullableArray(integers[column]))
            } else {
                binds.append(PostgresNullableArray(texts[column]))
            }
        }
        binds.append(deleted)
        binds.append(versions)
        binds.append(PostgresNullableArray(extras))
        return PostgresQuery(unsafeSQL: inserting ? insert : upsert, binds: binds)
    }

    /// A value for a TEXT column: numbers as their text, as SQLite's TEXT affinity stores them.
    private static func text(_ value: FieldValue) -> String? {
        switch value {
        case .null: nil
        case .text(let text): text
        case .integer(let integer): String(integer)
        case .real(let real): String(real)
        }
    }

    /// A value for a BIGINT column; a value that is no integer (which validation never lets through) is refused.
    private static func integer(_ value: FieldValue, _ name: String, of state: RecordState) throws -> Int64? {
        switch value {
        case .null: return nil
        case .integer(let integer): return integer
        case .real(let real): if let integer = Int64(exactly: real) { return integer }
        case .text(let text): if let integer = Int64(text) { return integer }
        }
        throw StoreError.invalid("\(state.entity.rawValue) \(state.id.lowercasedText): \(name) must be an integer, got \(value)")
    }
}

/// One row of a record table as read, before its versions are decoded.
struct PostgresRecordRow: Sendable {
    var id: UUID
    /// The field columns' values, in ``PostgresRecordColumns/names`` order.
    var values: [FieldValue]
    var deleted: Bool
    /// The `_versions` text (``VersionsColumn``).
    var versions: String
    /// The `_extra` text (``ExtraFields``), or nil.
    var extra: String?
}
