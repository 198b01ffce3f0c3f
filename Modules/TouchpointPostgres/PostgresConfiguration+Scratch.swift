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
        func drop() async throws {
            try await withConnection(logger: logger) { connection in
                _ = try await connection.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"), logger: logger)
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
