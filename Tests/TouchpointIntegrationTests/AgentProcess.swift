import Foundation

/// The built `touchpoint-agent` binary on one laptop database.
struct AgentProcess {
    /// What one run printed and returned.
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String

        /// stdout parsed as a JSON object.
        func object() throws -> [String: Any] {
            guard let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any] else {
                throw ProcessError("stdout is not a JSON object: \(stdout)")
            }
            return object
        }
    }

    static var binary: URL { ServerProcess.binary.deletingLastPathComponent().appendingPathComponent("touchpoint-agent") }

    /// The database file.
    let db: String

    /// Runs `touchpoint-agent --db DB ARGS` to completion.
    @discardableResult
    func run(_ arguments: String...) throws -> Result { try run(arguments) }

    /// Runs it off the cooperative pool, for tests whose server runs in the test process.
    func runOffPool(_ arguments: [String]) async throws -> Result {
        try await offPool { try self.run(arguments) }
    }

    func run(_ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["--db", db] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }
}
