import Foundation

/// What one garbage collection of the change log did (or, dry, would do): the
/// value an audit entry or a log line is written from.
public struct GarbageCollectionReport: Hashable, Sendable, Codable {
    /// Every change at or below this sequence was pulled by every active agent.
    public var horizon: UInt64
    /// The change log's head when the collection ran.
    public var head: UInt64
    /// Agents whose cursor counted (not revoked, synced before, seen within the stale horizon).
    public var activeAgents: Int
    /// Agents marked stale by this collection (ids, lower-case).
    public var agentsMarkedStale: [String] = []
    /// Change-log entries at or below the horizon when the collection ran.
    public var entriesBelowHorizon = 0
    /// Records whose entries at or below the horizon were replaced by the whole record as of the horizon.
    public var recordsCompacted = 0
    /// Change-log entries those records had at or below the horizon.
    public var entriesCompacted = 0
    /// Entries written for them (one per record; two for a deleted one).
    public var entriesWritten = 0
    /// Deleted records removed with every entry of theirs (all at or below the horizon).
    public var tombstonesPurged = 0
    /// The entries of those records.
    public var entriesPurged = 0
    /// True when nothing was written.
    public var dryRun = false

    /// A report of a collection that found the horizon `horizon` under `head`.
    public init(horizon: UInt64, head: UInt64, activeAgents: Int, dryRun: Bool) {
        self.horizon = horizon
        self.head = head
        self.activeAgents = activeAgents
        self.dryRun = dryRun
    }

    /// Entries the log lost.
    public var entriesRemoved: Int { entriesCompacted - entriesWritten + entriesPurged }

    /// True when the collection wrote something (compacted, purged or marked an agent stale).
    public var changedSomething: Bool {
        !dryRun && (recordsCompacted > 0 || entriesRemoved > 0 || tombstonesPurged > 0 || !agentsMarkedStale.isEmpty)
    }

    /// The report in one line, for the audit log.
    public var summary: String {
        "horizon \(horizon) of head \(head); \(recordsCompacted) record(s) compacted, \(entriesRemoved) entries removed, "
            + "\(tombstonesPurged) tombstone(s) purged, \(agentsMarkedStale.count) agent(s) marked stale"
    }
}
