import Foundation

/// Peak resident set sizes read from /proc (Linux): `VmHWM`, reset through `clear_refs`.
enum PeakMemory {
    /// The peak resident set of process `pid` (this process by default) in KiB, 0 where /proc cannot tell.
    static func kilobytes(pid: String = "self") -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
    }

    /// Resets this process's peak to its current resident set (`echo 5 > /proc/self/clear_refs`); false where
    /// the kernel refuses, and the next peak is then the running maximum.
    static func reset() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        return (try? handle.write(contentsOf: Data("5".utf8))) != nil
    }
}
