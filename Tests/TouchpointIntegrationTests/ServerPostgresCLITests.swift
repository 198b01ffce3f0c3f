import Foundation
import Testing

/// `touchpoint-server init|serve --postgres URL`: a database that cannot be used
/// is one line on stderr and a non-zero exit, at once (never a pool retrying forever).
@Suite struct ServerPostgresCLITests {
    /// A database URL on a loopback port nothing listens on (1 is privileged), with a password to keep out of messages.
    static let unreachable = "postgres://touchpoint:s3cret@127.0.0.1:1/touchpoint?sslmode=disable"

    static func server(_ arguments: String...) async throws -> CtlBinaryTests.Run {
        try await offPool { try CtlBinaryTests.run("touchpoint-server", arguments) }
    }

    @Test(arguments: [["init"], ["serve", "--listen", "127.0.0.1:0"], ["agents", "list"]])
    func anUnreachableDatabaseIsOneLineAndNonZero(command: [String]) async throws {
        let run = try await offPool { try CtlBinaryTests.run("touchpoint-server", command + ["--postgres", Self.unreachable]) }
        #expect(run.status != 0)
        #expect(run.stderr == "Error: cannot reach PostgreSQL at 127.0.0.1:1/touchpoint: Connection refused\n", "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func aURLThatIsNotPostgresIsOneLine() async throws {
        let run = try await Self.server("init", "--postgres", "mysql://touchpoint:s3cret@db/touchpoint")
        #expect(run.status != 0)
        #expect(run.stderr == "Error: invalid PostgreSQL URL mysql://touchpoint:***@db/touchpoint: the scheme must be postgres://\n")
    }

    @Test func dataAndPostgresAreExclusive() async throws {
        let both = try await Self.server("init", "--data", "/tmp/unused", "--postgres", Self.unreachable)
        #expect(both.status != 0)
        #expect(both.stderr.contains("--data and --postgres are exclusive"), "\(both.stderr)")
        let neither = try await Self.server("serve")
        #expect(neither.status != 0)
        #expect(neither.stderr.contains("--data DIR (SQLite) or --postgres URL"), "\(neither.stderr)")
    }

    @Test func backupNeedsTheSQLiteStore() async throws {
        let run = try await Self.server("backup", "--postgres", Self.unreachable, "/tmp/unused-backup")
        #expect(run.status != 0)
        #expect(run.stderr == "Error: backup works on the SQLite store only: give --data DIR, not --postgres\n", "\(run.stderr)")
    }

    @Test func poolOptionsGoWithPostgresAndStayInRange() async throws {
        let sqlite = try await Self.server("serve", "--data", "/tmp/unused", "--pool-size", "3")
        #expect(sqlite.status != 0)
        #expect(sqlite.stderr.contains("--pool-size and --request-timeout go with --postgres"), "\(sqlite.stderr)")
        let empty = try await Self.server("serve", "--postgres", Self.unreachable, "--pool-size", "0")
        #expect(empty.status != 0)
        #expect(empty.stderr.contains("--pool-size must be 1…1000"), "\(empty.stderr)")
        let never = try await Self.server("serve", "--postgres", Self.unreachable, "--request-timeout", "0")
        #expect(never.status != 0)
        #expect(never.stderr.contains("--request-timeout must be more than 0"), "\(never.stderr)")
    }
}
