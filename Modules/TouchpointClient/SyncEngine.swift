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
        var refusal: ProtocolError?
        do {
            if let session = transport.session { summary.serverRestored = try adopt(session) }
            summary.restamped = try store.repairClockIfAhead(now: now())
            do {
                try await push(over: transport, summary: &summary, progress: progress)
            } catch let error as ProtocolError where !error.code.isRetryable {
                // The server refused the push (e.g. a clock still ahead): the pull still runs.
                refusal = error
            }
            // After the push (local edits are out), so evicting loses nothing.
            if let territories = transport.territories { try store.adoptTerritories(territories) }
            if transport.resyncRequired { try resyncWhole(&summary) }
            do {
                try await pull(over: transport, summary: &summary, progress: progress)
            } catch {
                throw refusal ?? error
            }
            if let refusal { throw refusal }
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
        var batches = OutboxBatches(store: store, limits: transport.limits)
        defer { summary.rejected += batches.oversized }
        // Two batches in flight: the server applies one while the next is read and encoded.
        var inFlight: [(pending: PendingPush, last: UInt64)] = []
        do {
            while let entries = try batches.next(), let last = entries.last {
                let pending = try await transport.sendPush(
                    entries.map { SequencedChange(sequence: UInt64($0.seq), change: $0.change) }, previous: inFlight.last?.last)
                inFlight.append((pending, UInt64(last.seq)))
                if inFlight.count == Self.pushesInFlight {
                    try await settle(inFlight.removeFirst(), over: transport, summary: &summary)
                    progress(SyncProgress(phase: .push, done: summary.pushed + summary.rejected, total: total))
                }
            }
            while !inFlight.isEmpty {
                try await settle(inFlight.removeFirst(), over: transport, summary: &summary)
                progress(SyncProgress(phase: .push, done: summary.pushed + summary.rejected, total: total))
            }
        } catch {
            // A batch sent behind a failed one is refused by the server (it names its predecessor);
            // its answer is read so the session stays in step for the pull.
            for rest in inFlight where rest.pending.isSent { _ = try? await transport.receivePush(rest.pending) }
            throw error
        }
    }

    /// Batches a push keeps in flight.
    static let pushesInFlight = 2

    /// Waits for a batch's acknowledgement and settles the outbox with it.
    private func settle(
        _ batch: (pending: PendingPush, last: UInt64), over transport: any SyncTransport, summary: inout SyncSummary
    ) async throws {
        let (pending, last) = batch
        let ack = try await transport.receivePush(pending)
        try store.settle(
            rejections: ack.rejected.map { (Int64(clamping: $0.sequence), $0.code.name, $0.message) },
            acknowledgedUpTo: Int64(clamping: ack.ackedSequence))
        summary.pushed += ack.applied
        summary.conflicts += ack.conflicts
        summary.rejected += ack.rejected.count
        guard ack.ackedSequence >= last else {
            throw SyncEngineError("server acknowledged up to \(ack.ackedSequence) of a batch ending at \(last)")
        }
    }

    private func pull(
        over transport: any SyncTransport, summary: inout SyncSummary, progress: (SyncProgress) -> Void
    ) async throws {
        var cursor = try store.pullCursor()
        let start = cursor
        var limit = transport.limits.maxPageChanges
        var confirming = false
        // What still waits after the push (refused pushes, a clock ahead): admins see it in `status`.
        var pending = try await transport.sendPull(after: cursor, limit: limit, outboxDepth: try store.outboxDepth(), applied: nil)
        while true {
            let page = try await transport.receivePull(pending)
            let advanced = page.nextCursor != cursor
            limit = Self.pageSize(after: page, asked: limit, max: transport.limits.maxPageChanges)
            // The server records the cursor a pull starts from, as applied: one more pull from the
            // final cursor tells it where this agent is (status lag) and fetches what committed meanwhile.
            let last = !page.hasMore && (!advanced || confirming)
            confirming = !page.hasMore
            // More pages: the server makes the next one while this one is applied.
            if page.hasMore {
                pending = try await transport.sendPull(
                    after: page.nextCursor, limit: limit, outboxDepth: try store.outboxDepth(), applied: cursor)
            }
            summary.pulled += try store.applyPulled(page.changes.map(\.change), cursor: page.nextCursor)
            cursor = page.nextCursor
            // Clamped: numbers from the server never trap the client.
            let span = max(1, Int(clamping: page.sequenceHead) &- Int(clamping: start))
            progress(SyncProgress(phase: .pull, done: Int(clamping: cursor) &- Int(clamping: start), total: span))
            if last { return }
            if !page.hasMore {
                pending = try await transport.sendPull(after: cursor, limit: limit, outboxDepth: try store.outboxDepth(), applied: nil)
            }
        }
    }

    /// The next page size: about what fitted when the server cut a page to the frame
    /// limit (so a run of large changes is not read again and again), else growing back.
    static func pageSize(after page: PulledPage, asked: Int, max: Int) -> Int {
        // An empty page with more to come passed only changes the agent does not get (its own):
        // no frame cut it, since a change too large for the frame is an error, not an empty page.
        let cut = page.hasMore && !page.changes.isEmpty && page.changes.count < asked
        return Swift.min(max, cut ? Swift.max(1, page.changes.count) * 2 : asked * 2)
    }
}
