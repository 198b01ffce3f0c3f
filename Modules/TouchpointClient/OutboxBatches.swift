import Foundation
import TouchpointModel
import TouchpointProtocol
import TouchpointStore

/// Cuts the outbox into push batches that fit both the server's batch limit
/// (changes) and its frame limit (encoded bytes).
///
/// The outbox is read `maxBatchChanges` entries at a time and handed out in as many
/// batches as those bytes need. A change too large for any frame the server
/// accepts can never be sent: it goes to the dead letters with a clear message
/// instead of failing every sync.
struct OutboxBatches {
    let store: AgentStore
    let limits: ProtocolLimits
    private var pending: ArraySlice<OutboxEntry> = []
    private var after: Int64 = 0
    /// Changes moved to the dead letters because no frame could hold them.
    private(set) var oversized = 0

    init(store: AgentStore, limits: ProtocolLimits) {
        self.store = store
        self.limits = limits
    }

    /// The next batch, oldest first; nil once the outbox is drained.
    mutating func next() throws -> [OutboxEntry]? {
        let budget = FrameBudget(maxFrameBytes: limits.maxFrameBytes)
        while true {
            if pending.isEmpty {
                pending = try store.outbox(after: after, limit: limits.maxBatchChanges)[...]
                guard let last = pending.last else { return nil }
                after = last.seq
            }
            let count = budget.fittingCount(pending.prefix(limits.maxBatchChanges).lazy.map(\.change))
            if count > 0 {
                defer { pending.removeFirst(count) }
                return Array(pending.prefix(count))
            }
            let entry = pending.removeFirst()
            let record = "\(entry.change.entity.rawValue) \(entry.change.id.lowercasedText)"
            try store.deadLetter(
                seq: entry.seq, code: ProtocolError.Code.resourceExhausted.name,
                message: "\(record): the change takes up to \(FrameBudget.bound(entry.change)) bytes, more than the "
                    + "server's frame limit of \(limits.maxFrameBytes) bytes allows; it cannot be sent")
            oversized += 1
        }
    }
}
