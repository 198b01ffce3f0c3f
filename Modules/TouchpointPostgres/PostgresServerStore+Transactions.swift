import Logging
import PostgresNIO
import TouchpointRecords

extension PostgresServerStore {
    /// Runs `body` in a read-write transaction (READ COMMITTED) on a pooled connection,
    /// committing when it returns and rolling back when it throws.
    func write<Result: Sendable>(_ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        try await transaction("BEGIN", body)
    }

    /// Runs `body` in a read-only snapshot (REPEATABLE READ): its queries see the
    /// database as of one moment, as a read of the SQLite store does.
    func read<Result: Sendable>(_ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        try await transaction("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY", body)
    }

    private func transaction<Result: Sendable>(
        _ begin: PostgresQuery, _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        do {
            return try await client.withConnection { connection in
                try await connection.query(begin, logger: logger)
                do {
                    let result = try await body(connection)
                    try await connection.query("COMMIT", logger: logger)
                    return result
                } catch {
                    _ = try? await connection.query("ROLLBACK", logger: logger)
                    throw error
                }
            }
        } catch {
            throw storeError(error)
        }
    }

    /// The error a method throws for `error`: the store's own errors as they are, a
    /// value that cannot be read as corrupt, anything else from the database or the
    /// network as one ``PostgresStoreError`` line (unavailable when it cannot be reached).
    func storeError(_ error: any Error) -> any Error {
        switch error {
        case is StoreError, is PostgresStoreError, is CancellationError:
            return error
        case let error as PostgresDecodingError:
            return StoreError.corrupt("column \(error.columnName) holds a value that is not \(error.targetType)")
        default:
            return PostgresStoreError(error, endpoint: configuration.endpoint)
        }
    }
}
