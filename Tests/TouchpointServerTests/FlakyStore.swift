import Foundation
import NIOConcurrencyHelpers
import TouchpointModel
import TouchpointProtocol
import TouchpointReports
import TouchpointServer

/// The SQLite store whose change-log reads fail while `failing` is set, as a busy
/// or unreachable database would, and whose identity read fails too while `unreachable` is.
final class FlakyStore: ServerStore {
    let inner: SQLiteServerStore
    private let failures = NIOLockedValueBox(false)
    private let down = NIOLockedValueBox(false)
    init(_ inner: SQLiteServerStore) { self.inner = inner }
    var failing: Bool {
        get { failures.withLockedValue { $0 } }
        set { failures.withLockedValue { $0 = newValue } }
    }
    var unreachable: Bool {
        get { down.withLockedValue { $0 } }
        set { down.withLockedValue { $0 = newValue } }
    }

    func scopedChanges(after cursor: UInt64, limit: Int, territories: [String]?) async throws -> ScopedChanges {
        if failing { throw ProtocolError(.unavailable, "the store is busy") }
        return try await inner.scopedChanges(after: cursor, limit: limit, territories: territories)
    }

    func info() async throws -> ServerInfo {
        if unreachable { throw ProtocolError(.unavailable, "the store cannot be reached") }
        return try await inner.info()
    }
    func addAgent(_ agent: Agent, now: Date) async throws -> String { try await inner.addAgent(agent, now: now) }
    func revokeAgent(_ id: UUID, now: Date) async throws { try await inner.revokeAgent(id, now: now) }
    func setTerritories(_ territories: [String], of id: UUID) async throws { try await inner.setTerritories(territories, of: id) }
    func agents() async throws -> [AgentSyncState] { try await inner.agents() }
    func appendAudit(_ entry: AuditEntry) async throws { try await inner.appendAudit(entry) }
    func auditEntries(since: Date?, limit: Int) async throws -> [AuditEntry] { try await inner.auditEntries(since: since, limit: limit) }
    func authenticate(token: String) async throws -> Agent? { try await inner.authenticate(token: token) }
    func isActive(agentID: UUID) async throws -> Bool { try await inner.isActive(agentID: agentID) }
    func sessionStarted(_ principal: Principal, protocolVersion: Int, now: Date) async throws -> Bool {
        try await inner.sessionStarted(principal, protocolVersion: protocolVersion, now: now)
    }
    func recordError(agentID: UUID, message: String, now: Date) async throws {
        try await inner.recordError(agentID: agentID, message: message, now: now)
    }
    func push(
        _ entries: [SequencedChange], from principal: Principal, now: Date,
        decide: @escaping @Sendable ([SequencedChange], PushContext) throws -> PushPlan
    ) async throws -> PushAcknowledgement {
        try await inner.push(entries, from: principal, now: now, decide: decide)
    }
    func head() async throws -> UInt64 { try await inner.head() }
    func logBounds() async throws -> LogBounds { try await inner.logBounds() }
    func resyncCompleted(agentID: UUID) async throws { try await inner.resyncCompleted(agentID: agentID) }
    func collectGarbage(_ settings: GarbageCollectionSettings, now: Date) async throws -> GarbageCollectionReport {
        try await inner.collectGarbage(settings, now: now)
    }
    func recordPull(_ principal: Principal, cursor: UInt64, outboxDepth: UInt64?, now: Date) async throws {
        try await inner.recordPull(principal, cursor: cursor, outboxDepth: outboxDepth, now: now)
    }
    func conflicts(_ filter: ConflictFilter) async throws -> [ConflictRecord] { try await inner.conflicts(filter) }
    func conflict(id: Int64) async throws -> ConflictRecord? { try await inner.conflict(id: id) }
    func record(_ entity: EntityType, id: UUID) async throws -> RecordState? { try await inner.record(entity, id: id) }
    func resolveConflict(id: Int64, keep: ConflictResolution, by admin: UUID, now: Date) async throws -> ConflictRecord {
        try await inner.resolveConflict(id: id, keep: keep, by: admin, now: now)
    }
    func eraseCustomer(_ id: UUID, by admin: UUID, now: Date) async throws -> ErasureReport {
        try await inner.eraseCustomer(id, by: admin, now: now)
    }
    func changes(after seq: UInt64, limit: Int) async throws -> [SequencedChange] { try await inner.changes(after: seq, limit: limit) }
    func digest(territories: [String]?) async throws -> RecordDigest { try await inner.digest(territories: territories) }
    func reportDataset() async throws -> ReportDataset { try await inner.reportDataset() }
}
