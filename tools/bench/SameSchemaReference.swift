import Foundation
import GRDB
import TouchpointImport
import TouchpointModel
import TouchpointRecords
import TouchpointStore

/// The fair reference for a store write: raw SQLite inserting the same rows, typed as the store types them,
/// into the record table with its columns, keys, checks and indexes (the store's own migrations make it), with
/// the sync metadata columns dropped. What is left between this and the library is the cost of sync.
struct SameSchemaReference {
    let database: DatabasePool

    /// Creates the reference database with the record tables and `customers` in it (not timed).
    init(directory: URL, customers: [Customer]) throws {
        var config = Configuration()
        config.busyMode = .timeout(10)
        database = try DatabasePool(path: directory.appendingPathComponent("same-schema.sqlite").path, configuration: config)
        var migrator = DatabaseMigrator()
        RecordSchema.register(in: &migrator)
        try migrator.migrate(database)
        try database.write { db in
            for column in ["_versions", "_extra", "deleted"] {
                try db.execute(sql: "ALTER TABLE interactions DROP COLUMN \(column)")
            }
            let insert = try db.makeStatement(
                sql: "INSERT INTO customers (id, name, lifecycle, territory, _versions) VALUES (?, ?, 'active', ?, '{}')")
            for customer in customers {
                try insert.execute(arguments: [customer.id.uuidString.lowercased(), customer.name, customer.territory])
            }
        }
    }

    /// The columns ``insert(typed:batch:)`` takes, in order: the id, then every interaction field.
    static let columns = ["id"] + Interaction.fieldNames

    /// Inserts `rows` (CSV text fields under `header`) batch by batch; returns rows per second. The text is typed
    /// (ids, times and integers) before the clock starts: the reference is the storage engine alone.
    func insert(_ rows: [[String]], header: [String], batch: Int) throws -> Double {
        let typed: [[DatabaseValue]] = try rows.map { row in
            var values: [String: DatabaseValue] = ["id": UUID().uuidString.lowercased().databaseValue]
            for (name, text) in zip(header, row) where !text.isEmpty {
                let field = Interaction.descriptor[name]
                switch field.kind {
                case .time:
                    guard let ms = Timestamp.milliseconds(text) else { throw ImportError("bad time \(text)") }
                    values[name] = ms.databaseValue
                case .integer: values[name] = Int64(text)?.databaseValue ?? .null
                default: values[name] = text.databaseValue
                }
            }
            return Self.columns.map { values[$0] ?? .null }
        }
        return try insert(typed: typed, batch: batch)
    }

    /// Inserts rows already typed as the store types them (values in ``columns`` order); returns rows per second.
    func insert(typed: [[DatabaseValue]], batch: Int) throws -> Double {
        let names = Self.columns
        let placeholders = Array(repeating: "?", count: names.count).joined(separator: ",")
        let start = ContinuousClock.now
        for first in stride(from: 0, to: typed.count, by: batch) {
            try database.write { db in
                let insert = try db.makeStatement(
                    sql: "INSERT INTO interactions (\(names.joined(separator: ","))) VALUES (\(placeholders))")
                for row in typed[first..<min(first + batch, typed.count)] {
                    try insert.execute(arguments: StatementArguments(row))
                }
            }
        }
        let rate = Double(typed.count) / ImportBench.seconds(since: start)
        let count = try database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM interactions") }
        precondition(count == typed.count, "the same-schema reference lost rows")
        return rate
    }
}
