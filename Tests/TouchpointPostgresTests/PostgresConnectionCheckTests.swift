import Testing
import TouchpointPostgres

/// The start-up connection check: a working server answers its version; a wrong
/// password, a missing database or nothing listening is one line saying which.
@Suite(.enabled(if: PostgresTestDatabase.isConfigured, PostgresTestDatabase.skipped))
struct PostgresConnectionCheckTests {
    let logger = PostgresTestDatabase.logger

    @Test func aWorkingServerAnswersItsVersion() async throws {
        let version = try await PostgresTestDatabase.server().checkConnection(logger: logger)
        #expect(version.first?.isNumber == true, "\(version)")
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
    }

    private func checkFails(_ server: PostgresConfiguration, _ code: PostgresStoreError.Code) async throws -> PostgresStoreError {
        let error = try #require(await #expect(throws: PostgresStoreError.self) { try await server.checkConnection(logger: logger) })
        #expect(error.code == code, "\(error.message)")
        #expect(!error.message.contains("\n"), "one line: \(error.message)")
        return error
    }
}
