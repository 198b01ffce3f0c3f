import Foundation
import TouchpointModel
import TouchpointAdminClient
import TouchpointCLI
import TouchpointProtocol

/// `touchpointctl status` as text and JSON: the server summary and one row per agent.
public struct StatusView {
    public var status: ServerStatus
    /// When the view is drawn (ages are relative to it).
    public var now: Date
    /// Agents silent for longer than this are flagged.
    public var silentAfter: TimeInterval

    /// Creates a view.
    public init(_ status: ServerStatus, now: Date = Date(), silentAfter: TimeInterval = 86_400) {
        self.status = status
        self.now = now
        self.silentAfter = silentAfter
    }

    /// True when the agent has not been seen for longer than the threshold (or never).
    public func isSilent(_ agent: AgentSyncState) -> Bool {
        guard !agent.revoked else { return false }
        guard let seen = agent.lastSeen else { return true }
        return now.timeIntervalSince(seen) > silentAfter
    }

    /// What each column of the agents table means, printed under it.
    public var agentLegend: [String] {
        [
            "LAST SEEN   latest frame from the agent       PROTO     protocol version of its latest session",
            "LAG         server changes since its latest pull (sequence − its cursor), in its territories or not",
            "OUTBOX      changes waiting on the laptop at its latest pull, as it reported them (— = never reported)",
            "ACKED       highest outbox sequence the server acknowledged (its pushes so far)",
            "LAST SYNC   latest successful push or pull    REJECTED  changes refused for good (in its dead letters)",
            "BAD HELLOS  refused Hellos naming it since the server started",
            "FLAG        revoked, or SILENT when not seen for more than \(Format.age(silentAfter)), or STALE when the",
            "            server's garbage collection marked it (it resyncs whole at its next sync)",
        ]
    }

    /// What each column of the refused-Hellos table means, printed under it.
    public static let peerLegend = [
        "BAD HELLOS  refused Hellos from the address     LAST   the latest of them",
        "DELAY       the wait before its next Hello is checked (grows with its recent refusals)",
    ]

    /// The human form: a summary block, the agents table and the refused-Hellos table, each with its legend.
    public var lines: [String] {
        let silent = status.agents.filter(isSilent)
        var lines = [
            "server     \(status.serverID) (touchpoint \(status.serverVersion))",
            "store      \(status.store)",
            "sequence   \(Format.count(status.sequence))",
            "agents     \(status.agents.filter { !$0.revoked }.count) active, \(status.agents.filter(\.revoked).count) revoked"
                + (silent.isEmpty ? "" : ", \(silent.count) silent > \(Format.age(silentAfter))"),
            "conflicts  \(status.openConflicts) open",
            "rejected   \(status.rejected) change(s) refused (in the agents' dead letters)",
            "hellos     \(status.failedHellos) refused since the server started"
                + (status.failingPeers.isEmpty ? "" : ", from \(status.failingPeers.count) address(es)"),
            "",
        ]
        var table = Table(
            "AGENT", "LAST SEEN", "PROTO", "LAG", "OUTBOX", "ACKED", "LAST SYNC", "REJECTED", "BAD HELLOS", "FLAG",
            "LAST ERROR")
        for agent in status.agents {
            table.add(
                agent.name, agent.lastSeen.map { Format.age(now.timeIntervalSince($0)) + " ago" } ?? "never",
                agent.protocolVersion.map { "v\($0)" } ?? "—", Format.count(agent.lag),
                agent.outboxDepth.map(Format.count) ?? "—", Format.count(agent.ackedOutbox),
                agent.lastSync.map { Format.age(now.timeIntervalSince($0)) + " ago" } ?? "never", "\(agent.rejected)",
                "\(agent.failedHellos)", agent.revoked ? "revoked" : agent.stale ? "STALE" : isSilent(agent) ? "SILENT" : "",
                agent.lastError ?? "")
        }
        lines += status.agents.isEmpty ? ["no agents registered"] : table.lines + [""] + agentLegend
        guard !status.failingPeers.isEmpty else { return lines }
        var peers = Table("ADDRESS", "BAD HELLOS", "LAST", "DELAY", "LAST AGENT NAMED", "LAST REASON")
        for peer in status.failingPeers {
            peers.add(
                peer.peer, "\(peer.failedHellos)", Format.age(now.timeIntervalSince(peer.lastFailedHello)) + " ago",
                "\(peer.delayMs) ms", peer.lastClaimedAgent?.lowercasedText ?? "—", peer.lastReason)
        }
        return lines + [""] + peers.lines + [""] + Self.peerLegend
    }

    /// The JSON form: the status with each agent's `silent` flag and the threshold.
    public func jsonObject() throws -> [String: Any] {
        guard var object = try JSONOutput.jsonObject(status) as? [String: Any] else { return [:] }
        object["rejected"] = status.rejected
        object["silent_after_seconds"] = silentAfter
        object["agents"] = try status.agents.map { agent -> [String: Any] in
            var row = try JSONOutput.jsonObject(agent) as? [String: Any] ?? [:]
            row["silent"] = isSilent(agent)
            return row
        }
        return object
    }
}
