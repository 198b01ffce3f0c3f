import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import TouchpointRecords

extension PostgresServerStore {
    /// Runs `body` in a read-write transaction (READ COMMITTED) on a pooled connection,
    /// committing when it returns and rolling back when it throws.
    func write<Result: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> Result) async throws -> Result {
        try await transaction("BEGIN", body)
    }

    /// Runs `body` in a read-only snapshot (REPEATABLE READ): its queries see the
    /// database as of one moment, as a read of the SQLite store does.
    func read<Result: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> Result) async throws -> Result {
        try await transaction("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY", body)
    }

    /// Runs `body` on a pooled connection outside a transaction: for reads that are one
    /// statement (each statement sees its own snapshot), without the round trips of
    /// `BEGIN` and `COMMIT` — `isActive` runs before every request of a session.
    func withConnection<Result: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> Result) async throws -> Result {
        try await transaction(nil, body)
    }

    /// Runs `body` after `begin` (nil: no transaction), committing when it returns and
    /// rolling back when it throws.
    private func transaction<Result: Sendable>(
        _ begin: PostgresQuery?, _ body: @escaping @Sendable (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        let (client, generation) = try pool.current
        let logger = self.logger
        do {
            return try await PostgresDeadline.run(within: configuration.requestTimeout) {
                try await client.withConnection { connection in
                    guard let begin else { return try await body(connection) }
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
            }
        } catch is PostgresDeadline.Exceeded {
            await pool.replace(generation: generation)
            throw PostgresStoreError(
                .unavailable,
                "PostgreSQL at \(configuration.endpoint) did not answer within \(configuration.requestTimeout); its connections are opened again")
        } catch {
            throw storeError(error)
        }
    }

    /// The error a method throws for `error`: a value that cannot be read is corrupt;
    /// a failure of the database or of the way to it is one ``PostgresStoreError``
    /// line (unavailable when the database cannot be reached); anything else — the
    /// store's own errors, a stored value the model refuses — as it is, as the
    /// SQLite store throws it.
    func storeError(_ error: any Error) -> any Error {
        switch error {
        case let error as PostgresDecodingError:
            return StoreError.corrupt("column \(error.columnName) holds a value that is not \(error.targetType)")
        case is PSQLError, is IOError, is ChannelError, is NIOConnectionError:
            return PostgresStoreError(error, endpoint: configuration.endpoint)
        // The pool gave up connecting (its circuit breaker): postgres-nio passes its
        // pool module's error on as it is, and that module is not one to import.
        case _ where String(reflecting: type(of: error)) == "_ConnectionPoolModule.ConnectionPoolError":
            return PostgresStoreError(error, endpoint: configuration.endpoint)
        default:
            return error
        }
    }
}
