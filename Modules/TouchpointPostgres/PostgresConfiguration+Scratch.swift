import Foundation
import Logging
import PostgresNIO

extension PostgresConfiguration {
    /// Runs `body` with the configuration of a new, empty database on this server (created from
    /// `template0`, named `prefix` and a random suffix) and drops it afterwards, whatever `body` did.
    /// For tests and benchmarks: the role must be allowed to create databases.
    public func withScratchDatabase<Result: Sendable>(
        prefix: String, logger: Logger, _ body: (PostgresConfiguration) async throws -> Result
    ) async throws -> Result {
        let name = prefix + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try await withConnection(logger: logger) { connection in
            _ = try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name) TEMPLATE template0"), logger: logger)
        }
        var database = self
        database.database = name
        // Its sessions included. An autovacuum worker that has just started on it belongs to
        // no role this one may end (SQLSTATE 42501): it soon finishes, so the drop is tried
        // again for a few seconds.
        func drop() async throws {
            for attempt in 1... {
                do {
                    try await withConnection(logger: logger) { connection in
                        _ = try await connection.query(
                            PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"), logger: logger)
                    }
                    return
                } catch let error as PostgresStoreError where attempt < 40 && error.message.contains("SQLSTATE 42501") {
                    try await Task.sleep(for: .milliseconds(100))
                }
            }
        }
        do {
            let result = try await body(database)
            try await drop()
            return result
        } catch {
            try? await drop()
            throw error
        }
    }

    /// The configuration as a `postgres://` URL (with the password: for a child process's arguments, never a log).
    public func url() -> String {
        func encoded(_ text: String, _ allowed: CharacterSet) -> String { text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text }
        let credentials = encoded(username, .urlUserAllowed) + (password.map { ":" + encoded($0, .urlPasswordAllowed) } ?? "")
        let host = self.host.contains(":") ? "[\(self.host)]" : self.host
        return "postgres://\(credentials)@\(host):\(port)/\(encoded(database, .urlPathAllowed))?sslmode=\(tls.rawValue)"
    }
}
