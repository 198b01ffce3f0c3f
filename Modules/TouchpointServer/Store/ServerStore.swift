import Foundation
import TouchpointModel
import TouchpointProtocol
import TouchpointReports

/// The server's storage, with SQLite and PostgreSQL implementations that pass
/// the same conformance tests.
///
/// Every method is one transaction. Push applies a whole batch or nothing. A store
/// reads, writes and keeps its transactions; the sync rules (identity, scope,
/// exactly-once, conflicts, moves, the closed loop) are decided above it, by
/// ``PushRules`` and ``ConflictResolutionPlan``, the same for every store.
public protocol ServerStore: Sendable {
    /// Identity and backend of this server.
    func info() async throws -> ServerInfo

    /// Registers an agent and returns its token (shown once; only the hash is stored).
    func addAgent(_ agent: Agent, now: Date) async throws -> String
    /// Revokes an agent's token; its sessions fail authentication from now on.
    func revokeAgent(_ id: UUID, now: Date) async throws
    /// Replaces an agent's territories; its laptop adopts them at its next sync.
    func setTerritories(_ territories: [String], of id: UUID) async throws
    /// Every registered agent with its sync state.
    func agents() async throws -> [AgentSyncState]
    /// The agent a token belongs to, unless unknown or revoked.
    func authenticate(token: String) async throws -> Agent?
    /// True while the agent is registered and not revoked (checked before each request of a session).
    func isActive(agentID: UUID) async throws -> Bool

    /// Records that a session started (last seen, site, protocol version); returns true
    /// when the agent is marked stale (its Welcome asks for a full resync).
    @discardableResult
    func sessionStarted(_ principal: Principal, protocolVersion: Int, now: Date) async throws -> Bool
    /// Records a sync error to show to admins.
    func recordError(agentID: UUID, message: String, now: Date) async throws

    /// Applies a pushed batch in one transaction: reads the batch's ``PushContext``
    /// (set-based), lets `decide` (the push rules) turn the entries and their context
    /// into a ``PushPlan``, writes the plan and returns its acknowledgement with the
    /// head once written. Change-log sequences must become visible in commit order (a
    /// pull never skips a late commit).
    ///
    /// When the store itself refuses the plan's writes (a constraint), it decides and
    /// writes the batch again one entry at a time, each isolated, and the entry it
    /// refuses is decided with ``PushContext/refusedByStore`` set: refused alone.
    func push(
        _ entries: [SequencedChange], from principal: Principal, now: Date,
        decide: @escaping @Sendable ([SequencedChange], PushContext) throws -> PushPlan
    ) async throws -> PushAcknowledgement
    /// The highest sequence committed to the change log (0 when empty).
    func head() async throws -> UInt64
    /// Up to `limit` changes after `cursor` in `territories` (nil: every territory), in
    /// sequence order, each with its site, and the head the read saw. Pulls share these
    /// reads (``SharedPages``), so the store does not leave out the puller's own changes.
    func scopedChanges(after cursor: UInt64, limit: Int, territories: [String]?) async throws -> ScopedChanges
    /// Records a pull before it is read: `cursor` as the agent's (only a pull from 0 moves it
    /// back), `outboxDepth` (when reported) as its latest outbox depth. A pull from 0 by an
    /// agent marked stale starts its full resync.
    func recordPull(_ principal: Principal, cursor: UInt64, outboxDepth: UInt64?, now: Date) async throws
    /// The head and how far a garbage collection compacted the log, in one read.
    func logBounds() async throws -> LogBounds
    /// Clears the stale mark of an agent whose full resync (a pull from 0) reached the head.
    func resyncCompleted(agentID: UUID) async throws
    /// Garbage-collects the change log in one transaction that no push or pull
    /// cursor races: reads every agent's sync state and the log, lets
    /// ``GarbageCollector`` decide the horizon, the agents to mark stale and the fate of
    /// every record below the horizon, and writes that (nothing with
    /// ``GarbageCollectionSettings/dryRun``).
    func collectGarbage(_ settings: GarbageCollectionSettings, now: Date) async throws -> GarbageCollectionReport

    /// Conflicts, newest first.
    func conflicts(_ filter: ConflictFilter) async throws -> [ConflictRecord]
    /// One conflict by id, or nil.
    func conflict(id: Int64) async throws -> ConflictRecord?
    /// One record as stored now (every field with its version, the tombstone included), or nil.
    func record(_ entity: EntityType, id: UUID) async throws -> RecordState?
    /// Resolves a conflict in one transaction: refuses an unknown or resolved one,
    /// reads the context of the record (``ConflictResolutionPlan/candidates(for:keep:siblings:)``),
    /// writes the plan of ``ConflictResolutionPlan/plan(for:keep:siblings:by:now:context:)``
    /// (a new write that propagates to every agent) and marks it and the conflicts
    /// detected with it on the same field group resolved.
    func resolveConflict(id: Int64, keep: ConflictResolution, by admin: UUID, now: Date) async throws -> ConflictRecord
    /// Erases a customer's personal data in one transaction (``Erasure``): writes and logs
    /// its `erased_at` (every agent holding it erases it at its next sync), scrubs the
    /// personal values of the customer and of every record about it, and rewrites what
    /// else keeps them: their change-log entries, conflict records, and refusal messages
    /// and sync errors naming them. Versions are kept, so every replica converges. Erasing
    /// an erased customer again scrubs again. Throws `notFound` for an unknown customer.
    func eraseCustomer(_ id: UUID, by admin: UUID, now: Date) async throws -> ErasureReport
    /// The change feed after `seq` (admin view, unscoped).
    func changes(after seq: UInt64, limit: Int) async throws -> [SequencedChange]
    /// The digest of the records in the given territories (nil: everything).
    func digest(territories: [String]?) async throws -> RecordDigest
    /// The merged, live (not deleted) records and the agents a CX report is computed from.
    func reportDataset() async throws -> ReportDataset

    /// Appends one entry to the audit log (its `id` is ignored: the store numbers it).
    /// The log is append-only: the store itself refuses to update or delete an entry.
    func appendAudit(_ entry: AuditEntry) async throws
    /// The latest `limit` audit entries at or after `since` (nil: all), oldest first:
    /// the last is the newest.
    func auditEntries(since: Date?, limit: Int) async throws -> [AuditEntry]
}
