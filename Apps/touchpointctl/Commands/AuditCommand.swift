import ArgumentParser
import Foundation
import TouchpointAdminCLI
import TouchpointAdminClient
import TouchpointCLI
import TouchpointStore

/// `audit [--since WHEN] [--limit N] [--json]`.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Show the audit log: every admin action with actor, time, target and outcome.",
        discussion: "The latest entries, oldest first (the newest is the last line).")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Only entries since this time: ISO 8601 (2026-11-29T08:00:00Z, 2026-11-29) or an age (90m, 24h, 7d, 2w).")
    var since: String?
    @Option(help: "Show at most this many entries, the latest (1…10000, default 100).") var limit = 100

    func validate() throws {
        _ = try since.map { try Self.date($0, now: Date()) }
        guard (1...10_000).contains(limit) else { throw ValidationError("--limit must be 1…10000, not \(limit)") }
    }

    func run() async throws {
        let since = try since.map { try Self.date($0, now: Date()) }
        let (entries, more) = try await connection.connect { try await $0.audit(since: since, limit: limit) }
        if output.json { return try JSONOutput.encodable(entries) }
        AuditText.table(entries).print(empty: since == nil ? "the audit log is empty" : "no audit entries since \(Format.date(since))")
        if more { print("(older entries left out: raise --limit or narrow --since)") }
    }

    /// The time `--since` names: an ISO 8601 date or date-time, or an age before `now` (`90m`, `24h`, `7d`, `2w`).
    static func date(_ text: String, now: Date) throws -> Date {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86_400, "w": 604_800]
        if let unit = trimmed.last.flatMap({ units[$0] }), let count = Double(trimmed.dropLast()), count >= 0, count <= 36_500 {
            return now.addingTimeInterval(-count * unit)
        }
        if let date = Timestamp.date(text.trimmingCharacters(in: .whitespaces)) { return date }
        throw ValidationError("--since: not a time: '\(text)' (give an age like 24h or 7d, or ISO 8601 like 2026-11-29T08:00:00Z)")
    }
}
