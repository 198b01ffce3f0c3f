import Foundation

extension ServerProcess {
    /// The running server's process id.
    var pid: Int32? { process?.processIdentifier }

    /// Sends SIGTERM (graceful shutdown).
    func terminate() {
        guard let pid else { return }
        Foundation.kill(pid, SIGTERM)
    }

    /// Waits for the process to exit, at most `bound`; its exit status, or nil if it is still running.
    func waitForExit(within bound: Duration) async throws -> Int32? {
        guard let process else { return nil }
        let deadline = ContinuousClock.now + bound
        while process.isRunning, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        return process.isRunning ? nil : process.terminationStatus
    }

    /// A line of `/proc/PID/status` in kB (`VmRSS`, `VmHWM`: the peak resident set).
    func memoryKB(_ key: String) throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(pid ?? 0)/status", encoding: .utf8)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("\(key):") }),
            let value = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else { throw ProcessError("no \(key) in /proc/\(pid ?? 0)/status") }
        return value
    }

    /// Open file descriptors of the process.
    func openFileCount() throws -> Int {
        try FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid ?? 0)/fd").count
    }

    /// The soft and hard open-file limits of the process, from `/proc/PID/limits`.
    func fileLimits() throws -> (soft: String, hard: String) {
        let limits = try String(contentsOfFile: "/proc/\(pid ?? 0)/limits", encoding: .utf8)
        guard let line = limits.split(separator: "\n").first(where: { $0.hasPrefix("Max open files") }) else {
            throw ProcessError("no open-file limit in /proc/\(pid ?? 0)/limits")
        }
        let words = line.split(separator: " ")
        return (String(words[3]), String(words[4]))
    }
}
