import Foundation
import TouchpointClient
import TouchpointProtocol

/// A real `touchpoint-server` process on a data directory, started and killed by tests.
final class ServerProcess {
    let data: String
    private(set) var process: Process?
    private(set) var endpoint = Endpoint(host: "127.0.0.1", port: 1)

    /// The built binary, next to the test runner in `.build/<triple>/<config>/`.
    static var binary: URL {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let candidates = [runner.deletingLastPathComponent(), Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        for directory in candidates {
            let url = directory.appendingPathComponent("touchpoint-server")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return candidates[0].appendingPathComponent("touchpoint-server")
    }

    init(data: String) { self.data = data }

    /// Runs a one-shot subcommand (init, agents add) and returns its stdout.
    @discardableResult
    func command(_ arguments: [String]) throws -> String {
        let (text, status) = try Self.run(arguments + ["--data", data])
        guard status == 0 else {
            throw ProcessError("touchpoint-server \(arguments.joined(separator: " ")) exited \(status)")
        }
        return text
    }

    /// Runs the binary to its end: its stdout and exit status.
    static func run(_ arguments: [String]) throws -> (output: String, status: Int32) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (text, process.terminationStatus)
    }

    /// Starts `serve` on an ephemeral port and waits for its "listening on" line.
    ///
    /// - Parameters:
    ///   - options: more `serve` options.
    ///   - fileLimit: started through `sh -c 'ulimit …; exec …'` with this open-file limit
    ///     (soft only, or soft and hard).
    func start(_ options: [String] = [], fileLimit: (value: Int, hard: Bool)? = nil) throws {
        let process = Process()
        let serve = ["serve", "--data", data, "--listen", "127.0.0.1:0", "--log-level", "error"] + options
        if let fileLimit {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            let ulimit = "ulimit \(fileLimit.hard ? "-n" : "-S -n") \(fileLimit.value)"
            process.arguments = ["-c", "\(ulimit) && exec \"$0\" \"$@\"", Self.binary.path] + serve
        } else {
            process.executableURL = Self.binary
            process.arguments = serve
        }
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        self.process = process
        var buffer = Data()
        while !String(decoding: buffer, as: UTF8.self).contains("\n") {
            let chunk = out.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw ProcessError("server exited before listening") }
            buffer.append(chunk)
        }
        let line = String(decoding: buffer, as: UTF8.self).split(separator: "\n")[0]
        endpoint = try Endpoint(parsing: String(line.split(separator: " ").last!))
    }

    /// Kills the process with SIGKILL: no graceful anything.
    func kill() {
        guard let process else { return }
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        self.process = nil
    }

    deinit { kill() }
}

struct ProcessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
