import GRDB

/// A savepoint around one row, with statements prepared once per batch (rows are many and small).
struct RowSavepoint {
    let begin: Statement
    let release: Statement
    let rollback: Statement

    init(_ db: Database) throws {
        begin = try db.cachedStatement(sql: "SAVEPOINT row")
        release = try db.cachedStatement(sql: "RELEASE SAVEPOINT row")
        rollback = try db.cachedStatement(sql: "ROLLBACK TO SAVEPOINT row")
    }

    /// Runs `body`; on error, undoes what it wrote and rethrows.
    func run(_ body: () throws -> Void) throws {
        try begin.execute()
        do {
            try body()
        } catch {
            try rollback.execute()
            try release.execute()
            throw error
        }
        try release.execute()
    }
}
