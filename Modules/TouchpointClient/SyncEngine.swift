import Foundation
import TouchpointModel
import TouchpointProtocol
import TouchpointStore

/// Pushes the outbox, then pulls until caught up: one sync of one agent database.
///
/// Each pushed batch is applied by the server in one transaction and
/// acknowledged by its highest local sequence; each pulled page is applied
/// with its cursor in one local transaction. Either step may be cut at any
/// point and simply run again.
public struct SyncEngine: Sendable {
    let store: AgentStore

    /// Creates an engine over an agent database.
    public init(store: AgentStore) { self.store = store }

    /// Runs one sync; `progress` is called after every batch and page.
    public func sync(
        over transport: any SyncTransport, now: () -> Date = Date.init,
        progress: (SyncProgress) -> Void = { _ in }
    ) async throws -> SyncSummary {
        let started = now()
        var summary = SyncSummary()
        do {
            if let session = transport.session { summary.serverRestored = try adopt(session) }
            try await push(over: transport, summary: &summary, progress: progress)
            try await pull(over: transport, summary: &summary, progress: progress)
        } catch {
            try? store.setMeta(.lastError, String(describing: error))
            throw error
        }
        try store.setMeta(.lastError, nil)
        try store.setMeta(.lastSyncAt, String(HLC.milliseconds(now())))
        summary.duration = now().timeIntervalSince(started)
        return summary
    }

    private func push(
        over transport: any SyncTransport, summary: inout SyncSummary, progress: (SyncProgress) -> Void
    ) async throws {
        let total = try store.outboxDepth()
        var after: Int64 = 0
        while true {
            let entries = try store.outbox(after: after, limit: transport.limits.maxBatch)
            guard let last = entries.last else { return }
            let ack = try await transport.push(entries.map { SequencedChange(sequence: UInt64($0.seq), change: $0.change) })
            for rejection in ack.rejected {
                try store.deadLetter(seq: Int64(rejection.seq), code: rejection.code, message: rejection.message)
            }
            try store.acknowledge(upTo: Int64(ack.ackedSeq))
            summary.pushed += ack.applied
            summary.conflicts += ack.conflicts
            summary.rejected += ack.rejected.count
            guard ack.ackedSeq >= UInt64(last.seq) else {
                throw SyncEngineError("server acknowledged up to \(ack.ackedSeq) of a batch ending at \(last.seq)")
            }
            after = last.seq
            progress(SyncProgress(phase: .push, done: summary.pushed + summary.rejected, total: total))
        }
    }

    private func pull(
        over transport: any SyncTransport, summary: inout SyncSummary, progress: (SyncProgress) -> Void
    ) async throws {
        var cursor = try store.pullCursor()
        let start = cursor
        while true {
            let page = try await transport.pull(after: cursor, limit: transport.limits.maxPage)
            summary.pulled += try store.applyPulled(page.changes.map(\.change), cursor: page.nextCursor)
            cursor = page.nextCursor
            let span = max(1, Int(page.sequenceHead) - Int(start))
            progress(SyncProgress(phase: .pull, done: Int(cursor) - Int(start), total: span))
            if !page.hasMore { return }
        }
    }
}

/// Where a sync is.
public struct SyncProgress: Hashable, Sendable {
    public enum Phase: String, Sendable { case push, pull }
    public var phase: Phase
    public var done: Int
    public var total: Int
}

/// What one sync did.
public struct SyncSummary: Hashable, Sendable, Codable {
    public var pushed = 0
    public var pulled = 0
    public var conflicts = 0
    public var rejected = 0
    /// Why the server looked restored, when it did: this sync re-pushed what the laptop holds and re-pulled from 0.
    public var serverRestored: String?
    /// Seconds.
    public var duration: TimeInterval = 0

    /// An empty summary.
    public init() {}
}

/// A sync that could not proceed.
public struct SyncEngineError: Error, CustomStringConvertible {
    public var description: String

    init(_ description: String) { self.description = description }
}
