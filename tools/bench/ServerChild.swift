import Foundation
import TouchpointClient
import TouchpointProtocol

/// The `touchpoint-server` built next to this binary, serving a store on an ephemeral loopback port, with its
/// CPU time and peak memory read from /proc.
final class ServerChild {
    let process = Process()
    let endpoint: Endpoint

    /// A server over the SQLite store in `data`.
    convenience init(data: String) throws {
        try self.init(store: ["--data", data])
    }

    /// A server over the store its `serve` options name (`--data DIR` or `--postgres URL`).
    init(store: [String]) throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("touchpoint-server")
        process.executableURL = binary
        process.arguments = ["serve"] + store + ["--listen", "127.0.0.1:0", "--log-level", "error"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        var text = ""
        while !text.contains("\n") {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw BenchError("touchpoint-server exited before listening (\(binary.path); build it first: swift build -c release)") }
            text += String(decoding: chunk, as: UTF8.self)
        }
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("listening on ") }) else {
            throw BenchError("touchpoint-server said \(text)")
        }
        endpoint = try Endpoint(parsing: String(line.dropFirst("listening on ".count)))
    }

    /// User plus system CPU seconds the server has used.
    func cpuSeconds() -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the command: state is field 3, utime 14 and stime 15 (1-based, counting pid and comm).
        let ticks = (Double(fields[11]) ?? 0) + (Double(fields[12]) ?? 0)
        return ticks / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// The server's peak resident set (VmHWM) in KiB.
    func peakRSSKilobytes() -> Int { PeakMemory.kilobytes(pid: String(process.processIdentifier)) }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }
}
