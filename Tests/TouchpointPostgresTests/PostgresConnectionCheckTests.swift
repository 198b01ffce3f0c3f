import PostgresNIO
import Testing
import TouchpointPostgres
import TouchpointPostgresTesting
import TouchpointProtocol

/// The start-up connection check: a working server answers its version; a wrong
/// password, a missing database or nothing listening is one line saying which.
@Suite(.enabled(if: PostgresTestDatabase.isConfigured, PostgresTestDatabase.skipped))
struct PostgresConnectionCheckTests {
    let logger = PostgresTestDatabase.logger

    @Test func aWorkingServerAnswersItsVersion() async throws {
        let version = try await PostgresTestDatabase.server().checkConnection(logger: logger)
        #expect(version.first?.isNumber == true, "\(version)")
    }

    @Test func aPooledClientConnectsWithTheSameURL() async throws {
        let client = PostgresClient(configuration: try PostgresTestDatabase.server().clientConfiguration())
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { await client.run() }
            let rows = try await client.query("SELECT current_user", logger: logger)
            var users: [String] = []
            for try await user in rows.decode(String.self) { users.append(user) }
            #expect(users == [try PostgresTestDatabase.server().username])
            group.cancelAll()
        }
    }

    @Test func aWrongPasswordIsAnAuthenticationError() async throws {
        var server = try PostgresTestDatabase.server()
        server.password = "not-the-password"
        let error = try await checkFails(server, .authentication)
        #expect(error.message.contains("password authentication failed"), "\(error.message)")
        #expect(!error.message.contains("not-the-password"))
    }

    @Test func aMissingDatabaseIsAnAuthenticationError() async throws {
        var server = try PostgresTestDatabase.server()
        server.database = "tp_no_such_database"
        let error = try await checkFails(server, .authentication)
        #expect(error.message.contains("tp_no_such_database"), "\(error.message)")
    }

    @Test func nothingListeningIsUnavailable() async throws {
        var server = try PostgresTestDatabase.server()
        server.port = 1  // a privileged port nothing listens on in a test
        let error = try await checkFails(server, .unavailable)
        #expect(error.message == "cannot reach PostgreSQL at \(server.endpoint): Connection refused", "\(error.message)")
        // An agent whose push meets this retries later; the host stays in the server's log.
        #expect(ProtocolError(converting: error).code == .unavailable)
        #expect(!ProtocolError(converting: error).message.contains(server.host))
    }

    @Test func aSessionTheServerEndsIsUnavailable() async throws {
        let server = try PostgresTestDatabase.server()
        let error = try #require(
            await #expect(throws: PostgresStoreError.self) {
                try await server.withConnection(logger: logger) { connection in
                    // The session ends itself, as an administrator's pg_terminate_backend would.
                    let rows = try await connection.query("SELECT pg_terminate_backend(pg_backend_pid())", logger: logger)
                    for try await _ in rows {}
                }
            })
        #expect(error.code == .unavailable, "\(error.message)")
        #expect(error.message.hasPrefix("cannot reach PostgreSQL at \(server.endpoint): "), "\(error.message)")
        #expect(error.message.hasSuffix("(SQLSTATE 57P01)"), "\(error.message)")
        #expect(ProtocolError(converting: error).code == .unavailable)
    }

    private func checkFails(_ server: PostgresConfiguration, _ code: PostgresStoreError.Code) async throws -> PostgresStoreError {
        let error = try #require(await #expect(throws: PostgresStoreError.self) { try await server.checkConnection(logger: logger) })
        #expect(error.code == code, "\(error.message)")
        #expect(!error.message.contains("\n"), "one line: \(error.message)")
        return error
    }
}
