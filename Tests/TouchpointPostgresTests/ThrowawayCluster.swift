import Foundation
import Testing
import TouchpointPostgres

/// A PostgreSQL 15 cluster of one test's own, for tests that stop and restart the
/// database (the shared server of `TOUCHPOINT_TEST_POSTGRES_URL` serves other tests
/// in parallel). initdb'd into a temporary folder, as the `postgres` user when the
/// tests run as root (PostgreSQL refuses root), listening on loopback only,
/// durability off, and removed by ``remove()``.
final class ThrowawayCluster: Sendable {
    static let binaries = "/usr/lib/postgresql/15/bin"
    /// Whether the PostgreSQL 15 binaries are installed (`.ci/run` installs them).
    static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: binaries + "/initdb") }
    static let skipped: Comment = "PostgreSQL 15 binaries not installed (/usr/lib/postgresql/15/bin): restart tests skipped"

    let directory: String
    let port: Int

    init() throws {
        directory = NSTemporaryDirectory() + "touchpoint-pg-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        if getuid() == 0 { try Self.run("/bin/chown", ["postgres:", directory], asPostgres: false) }
        try Self.run(Self.binaries + "/initdb", [
            "-D", directory + "/data", "-U", "postgres", "--auth-local=trust", "--auth-host=trust", "-E", "UTF8", "--no-locale",
            "--no-sync",
        ])
        var started: Int?
        for _ in 0..<20 {
            let candidate = Int.random(in: 55_000..<60_000)
            if (try? Self.pgctl(directory, port: candidate, "start")) != nil {
                started = candidate
                break
            }
        }
        guard let started else { throw ClusterError("no free port for a throwaway PostgreSQL") }
        port = started
    }

    /// The cluster's `postgres` database, as the `postgres` superuser over TCP.
    var configuration: PostgresConfiguration {
        PostgresConfiguration(host: "127.0.0.1", port: port, username: "postgres", password: nil, database: "postgres", tls: .disable)
    }

    /// Stops the server at once (like a crash or a failover: no shutdown checkpoint).
    func stop() throws { try Self.pgctl(directory, port: port, "stop", "-m", "immediate") }

    /// Starts it again on the same port.
    func start() throws { try Self.pgctl(directory, port: port, "start") }

    /// Stops it and deletes its folder.
    func remove() {
        try? stop()
        try? FileManager.default.removeItem(atPath: directory)
    }

    private static func pgctl(_ directory: String, port: Int, _ arguments: String...) throws {
        try run(binaries + "/pg_ctl", [
            "-D", directory + "/data", "-l", directory + "/log", "-w", "-t", "30",
            "-o", "-p \(port) -k \(directory) -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off",
        ] + arguments)
    }

    private static func run(_ tool: String, _ arguments: [String], asPostgres: Bool = true) throws {
        let process = Process()
        if asPostgres, getuid() == 0 {
            process.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
            process.arguments = ["-u", "postgres", "--", tool] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = arguments
        }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ClusterError("\((tool as NSString).lastPathComponent) \(arguments.last ?? "") exited with \(process.terminationStatus)")
        }
    }

    struct ClusterError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
