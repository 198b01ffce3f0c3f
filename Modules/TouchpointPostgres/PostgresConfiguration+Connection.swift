import Logging
import PostgresNIO

extension PostgresConfiguration {
    /// Opens one connection, runs `body` on it and closes it; a database that
    /// cannot be reached or refuses the login throws a one-line ``PostgresStoreError``,
    /// and so does a statement the database fails.
    ///
    /// One plain connection, not a pool: a pool retries an unreachable database
    /// forever, where a start-up check must fail fast and say why.
    public func withConnection<Result: Sendable>(
        logger: Logger, _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(
                configuration: try connectionConfiguration(), id: 0, logger: logger)
        } catch {
            throw PostgresStoreError(error, endpoint: endpoint)
        }
        do {
            let result = try await body(connection)
            try? await connection.close()
            return result
        } catch let error as PSQLError {
            try? await connection.close()
            throw PostgresStoreError(error, endpoint: endpoint)
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// Connects once and asks the server its version: the check `init` and
    /// `serve` make before anything else, so a wrong URL, an unreachable
    /// database or a wrong password is one line and a non-zero exit.
    ///
    /// - Returns: The server's version, e.g. `15.18 (Debian 15.18-0+deb12u1)`.
    @discardableResult
    public func checkConnection(logger: Logger) async throws -> String {
        try await withConnection(logger: logger) { connection in
            let rows = try await connection.query("SHOW server_version", logger: logger)
            for try await version in rows.decode(String.self) { return version }
            return "unknown"
        }
    }
}
