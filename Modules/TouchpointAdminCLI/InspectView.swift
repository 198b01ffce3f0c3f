import Foundation
import TouchpointCLI
import TouchpointStore

/// `touchpointctl inspect PATH`: an agent database seen offline, read-only.
public struct InspectView {
    public var path: String
    public var status: AgentStatus
    public var now: Date

    /// Opens the database read-only and reads its status.
    public init(path: String, now: Date = Date()) throws {
        self.path = path
        self.status = try AgentStore(readOnlyPath: path).status()
        self.now = now
    }

    /// The human form.
    public var lines: [String] {
        var lines = [
            "database      \(path)",
            "site          \(status.siteID)",
            "agent         \(status.agentID)",
            "server        \(status.server ?? "(not set)")",
            "pull cursor   \(status.pullCursor)",
            "last sync     \(status.lastSyncAt.map { Format.date($0) + " (" + Format.age(now.timeIntervalSince($0)) + " ago)" } ?? "never")",
            "outbox        \(status.outboxDepth) change(s) waiting"
                + (status.oldestUnsynced.map { ", oldest \(Format.date($0)) (\(Format.age(now.timeIntervalSince($0))) ago)" } ?? ""),
            "dead letters  \(status.deadLetters)",
            "last error    \(status.lastError ?? "none")",
            "records:",
        ]
        for (entity, count) in status.records.sorted(by: { $0.key < $1.key }) {
            lines.append("  \(entity.padding(toLength: 12, withPad: " ", startingAt: 0)) \(Format.count(count))")
        }
        return lines
    }
}
