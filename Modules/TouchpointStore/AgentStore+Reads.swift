import Foundation
import GRDB
import TouchpointModel
import TouchpointRecords

extension AgentStore {
    /// One live record by id, or nil.
    public func record<R: SyncRecord>(_ type: R.Type, id: UUID) throws -> R? {
        try writer.read { db in
            var table = RecordTable()
            guard let state = try table.load(R.entity, id, db), !state.isDeleted else { return nil }
            return try R(id: id, fields: state.values)
        }
    }

    /// One record as held, every field with its version (deleted ones too), or nil.
    public func state(_ entity: EntityType, id: UUID) throws -> RecordState? {
        try writer.read { db in
            var table = RecordTable()
            return try table.load(entity, id, db)
        }
    }

    /// Live records matching a filter, newest first by the entity's date (customers by name).
    public func list<R: SyncRecord>(_ type: R.Type, _ filter: RecordFilter = RecordFilter()) throws -> [R] {
        let entity = R.entity
        var clauses = ["deleted = 0"]
        var arguments: [DatabaseValue] = []
        for (name, value) in filter.equals.sorted(by: { $0.key < $1.key }) {
            guard entity.fieldNames.contains(name) else {
                throw StoreError.invalid("\(entity.displayName) has no field '\(name)' to filter on")
            }
            clauses.append("\"\(name)\" = ?")
            arguments.append(value.databaseValue)
        }
        if let column = entity.dateColumn {
            if let from = filter.from {
                clauses.append("\(column) >= ?")
                arguments.append(Int64(HLC.milliseconds(from)).databaseValue)
            }
            if let to = filter.to {
                clauses.append("\(column) < ?")
                arguments.append(Int64(HLC.milliseconds(to)).databaseValue)
            }
        }
        if let search = filter.search, !search.isEmpty {
            clauses.append("\(entity.searchColumn) LIKE ? ESCAPE '\\'")
            let escaped = search.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
            arguments.append("%\(escaped)%".databaseValue)
        }
        let order = entity.dateColumn.map { "\($0) DESC, id" } ?? "name COLLATE NOCASE, id"
        let columns = (["id"] + entity.fieldNames).map { "\"\($0)\"" }.joined(separator: ", ")
        let sql = """
            SELECT \(columns) FROM \(RecordSchema.table(entity)) WHERE \(clauses.joined(separator: " AND "))
            ORDER BY \(order) LIMIT ? OFFSET ?
            """
        arguments.append(max(0, filter.limit).databaseValue)
        arguments.append(max(0, filter.offset).databaseValue)
        return try writer.read { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
                try Self.typed(R.self, row)
            }
        }
    }

    /// Every live record of an entity in id order, in pages, for export.
    public func forEach<R: SyncRecord>(_ type: R.Type, pageSize: Int = 1000, _ body: (R) throws -> Void) throws {
        let columns = (["id"] + R.entity.fieldNames).map { "\"\($0)\"" }.joined(separator: ", ")
        var after = ""
        while true {
            let page = try writer.read { db in
                try Row.fetchAll(
                    db,
                    sql: "SELECT \(columns) FROM \(RecordSchema.table(R.entity)) WHERE deleted = 0 AND id > ? ORDER BY id LIMIT ?",
                    arguments: [after, pageSize])
            }
            for row in page { try body(try Self.typed(R.self, row)) }
            guard page.count == pageSize, let last = page.last else { return }
            after = last["id"]
        }
    }

    /// Resolves a full id or a unique prefix (at least 4 characters) of a live record's id.
    public func resolveID(_ entity: EntityType, _ text: String) throws -> UUID {
        let prefix = text.lowercased()
        if let id = UUID(uuidString: prefix) { return id }
        guard prefix.count >= 4, prefix.allSatisfy({ $0.isHexDigit || $0 == "-" }) else {
            throw StoreError.invalid("'\(text)' is not a \(entity.displayName) id (give the full id or at least 4 characters)")
        }
        let matches = try writer.read { db in
            try String.fetchAll(
                db, sql: "SELECT id FROM \(RecordSchema.table(entity)) WHERE id >= ? AND id < ? AND deleted = 0 LIMIT 2",
                arguments: [prefix, prefix + "~"])
        }
        guard let first = matches.first else { throw StoreError.notFound(entity, text) }
        guard matches.count == 1 else {
            throw StoreError.invalid("id prefix '\(text)' matches several \(entity.displayName) records; give more characters")
        }
        return UUID(uuidString: first)!
    }

    static func typed<R: SyncRecord>(_ type: R.Type, _ row: Row) throws -> R {
        var fields: [String: FieldValue] = [:]
        for name in R.entity.fieldNames { fields[name] = FieldValue(row[name] as DatabaseValue) }
        guard let id = UUID(uuidString: row["id"]) else { throw StoreError.corrupt("bad id in \(R.entity.rawValue)") }
        return try R(id: id, fields: fields)
    }
}
