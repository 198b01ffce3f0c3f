import PostgresNIO
import Testing
import TouchpointPostgres

/// Reading a `postgres://` URL: the parts, the defaults, and one clear line for
/// a URL that cannot be used (which never shows the password).
@Suite struct PostgresConfigurationTests {
    @Test func readsEveryPart() throws {
        let configuration = try PostgresConfiguration(url: "postgres://tp%40ops:s%3Acret@db.internal:6432/touchpoint?sslmode=disable")
        #expect(configuration == PostgresConfiguration(
            host: "db.internal", port: 6432, username: "tp@ops", password: "s:cret", database: "touchpoint", tls: .disable))
        #expect(configuration.endpoint == "db.internal:6432/touchpoint")
        #expect("\(configuration)" == "postgres://tp@ops:***@db.internal:6432/touchpoint?sslmode=disable")
    }

    @Test func defaultsToPort5432AndPreferredTLS() throws {
        let configuration = try PostgresConfiguration(url: "postgresql://touchpoint@127.0.0.1/sync")
        #expect(configuration.port == 5432)
        #expect(configuration.tls == .prefer)
        #expect(configuration.password == nil)
        #expect(configuration.clientConfiguration().port == 5432)
    }

    @Test(arguments: [
        ("http://u:p@host/db", "the scheme must be postgres://"),
        ("postgres://u:p@/db", "no host"),
        ("postgres://host/db", "no user"),
        ("postgres://u:p@host", "the path must name one database"),
        ("postgres://u:p@host/db/extra", "the path must name one database"),
        ("postgres://u:p@host:0/db", "port 0 is not 1…65535"),
        ("postgres://u:p@host/db?sslmode=maybe", "sslmode must be one of disable, prefer, require, verify-full"),
        ("postgres://u:p@host/db?pool=9", "unknown parameter pool (only sslmode is read)"),
        ("postgres://u:p@host:port/db", "not a URL"),
    ])
    func refusesABadURLInOneLine(url: String, reason: String) {
        let error = #expect(throws: PostgresStoreError.self) { try PostgresConfiguration(url: url) }
        #expect(error?.code == .invalidURL)
        #expect(error?.message.hasSuffix(": \(reason)") == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("\n") == false)
        #expect(error?.message.contains(":p@") == false, "the password is hidden")
    }
}
