import Foundation
import GRDB
import TouchpointModel

/// Set-based reads: a batch (pulled page, import chunk) reads all the records it
/// names in one query per ``RecordTable/maxIDsPerQuery`` ids, instead of one query a record.
extension RecordTable {
    /// The most ids one `id IN (…)` list binds: well under SQLite's parameter limit,
    /// and few enough distinct statement shapes (a full chunk and the rest) to cache.
    package static let maxIDsPerQuery = 500

    /// The stored states of the records of `entity` among `ids` (absent ids are missing from the result).
    package mutating func load(_ entity: EntityType, _ ids: some Sequence<UUID>, _ db: Database) throws -> [UUID: RecordState] {
        var states: [UUID: RecordState] = [:]
        let columns = (["id"] + entity.fieldNames + Self.stateColumns).map { "\"\($0)\"" }.joined(separator: ", ")
        try Self.forEachRow(columns, of: entity, among: ids, db) { id, row in states[id] = try state(entity, id, row, db) }
        return states
    }

    /// The ids among `ids` that have a row of `entity`, deleted or not.
    package static func existing(_ entity: EntityType, among ids: some Sequence<UUID>, _ db: Database) throws -> Set<UUID> {
        var found = Set<UUID>()
        try forEachRow("id", of: entity, among: ids, db) { id, _ in found.insert(id) }
        return found
    }

    /// Visits the rows of `entity` whose id is among `ids`, reading `columns` (which include `id`).
    private static func forEachRow(
        _ columns: String, of entity: EntityType, among ids: some Sequence<UUID>, _ db: Database,
        _ body: (UUID, Row) throws -> Void
    ) throws {
        let texts = Array(Set(ids)).map(\.lowercasedText)
        let table = RecordSchema.table(entity)
        for start in stride(from: 0, to: texts.count, by: maxIDsPerQuery) {
            let chunk = texts[start..<min(start + maxIDsPerQuery, texts.count)]
            let list = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            let statement = try db.cachedStatement(sql: "SELECT \(columns) FROM \(table) WHERE id IN (\(list))")
            let rows = try Row.fetchCursor(statement, arguments: StatementArguments(Array(chunk)))
            while let row = try rows.next() {
                guard let id = UUID(text: row["id"]) else { throw StoreError.corrupt("bad id in \(table)") }
                try body(id, row)
            }
        }
    }
}
