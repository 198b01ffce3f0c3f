import Foundation
import Testing

/// Every suite that runs the `touchpoint-agent` binary, one at a time: a test waiting for a child process
/// holds a thread of Swift's cooperative pool (two on this machine's two cores), and several at once starve
/// the servers other suites run in this process.
@Suite(.serialized) enum AgentCLISuites {}

/// Runs the built `touchpoint-agent` binary on a temporary database.
struct AgentCLI {
    /// What one run printed and returned.
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String

        /// stdout parsed as JSON.
        func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(stdout.utf8)) }

        /// stdout parsed as a JSON object.
        func object() throws -> [String: Any] { try #require(try json() as? [String: Any]) }

        /// stdout parsed as a JSON array of objects.
        func array() throws -> [[String: Any]] { try #require(try json() as? [[String: Any]]) }

        /// Non-empty stderr lines.
        var errorLines: [String] { stderr.split(separator: "\n").map(String.init) }
    }

    /// A fresh directory for this test's files.
    let directory: URL
    /// The database the commands use.
    let database: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("agent-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = directory.appendingPathComponent("agent.sqlite")
    }

    /// The `touchpoint-agent` built next to the test bundle.
    static let binary: URL = {
        let candidates = [
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent(".build/debug"),
        ]
        for directory in candidates {
            let url = directory.appendingPathComponent("touchpoint-agent")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        fatalError("touchpoint-agent not found next to the tests (looked in \(candidates.map(\.path)))")
    }()

    /// Writes a file in the test directory and returns its path.
    func file(_ name: String, _ contents: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try contents.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Runs `touchpoint-agent --db <this test's database> <arguments>`.
    @discardableResult
    func run(_ arguments: String..., database: URL? = nil) throws -> Result {
        try run(arguments, database: database)
    }

    /// Runs `touchpoint-agent --db <database> <arguments>`; with `environment`, runs without `--db`
    /// and with those variables set instead.
    func run(_ arguments: [String], database: URL? = nil, environment extra: [String: String]? = nil) throws -> Result {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = extra == nil ? ["--db", (database ?? self.database).path] + arguments : arguments
        var environment = ProcessInfo.processInfo.environment
        environment["TOUCHPOINT_AGENT_DB"] = nil
        environment.merge(extra ?? [:]) { $1 }
        process.environment = environment
        let out = directory.appendingPathComponent("stdout-\(UUID().uuidString)")
        let err = directory.appendingPathComponent("stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: try String(contentsOf: out, encoding: .utf8),
            stderr: try String(contentsOf: err, encoding: .utf8))
    }

    /// Runs a command that must succeed and returns its result.
    @discardableResult
    func ok(_ arguments: String..., database: URL? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> Result {
        let result = try run(arguments, database: database)
        #expect(result.status == 0, "\(arguments.joined(separator: " ")) failed: \(result.stderr)", sourceLocation: sourceLocation)
        return result
    }

    /// Initializes the database with a known agent in territory `north`.
    static let agentID = "0d6a7f4e-1f7b-4c1e-9a37-2a4f5b6c7d8e"

    @discardableResult
    func initialize(database: URL? = nil) throws -> Result {
        try ok("init", "--agent-id", Self.agentID, "--territory", "north", "--json", database: database)
    }

    /// Adds a customer and returns its id.
    func addCustomer(_ name: String, _ extra: String...) throws -> String {
        let result = try run(["customer", "add", "--name", name, "--json"] + extra)
        #expect(result.status == 0, "customer add failed: \(result.stderr)")
        return try #require(try result.object()["id"] as? String)
    }
}
