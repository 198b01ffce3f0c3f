import Foundation
import TouchpointModel
import TouchpointProtocol

/// What the push rules decided for a batch, for the store to write in the
/// batch's transaction: records, change-log entries, kept conflicts, the push
/// log, the site's state and the clock. The store decides nothing.
public struct PushPlan: Sendable {
    /// The answer to the batch; the store fills in ``PushAcknowledgement/sequenceHead`` once written.
    public var acknowledgement: PushAcknowledgement
    /// True when the site never pushed: the store records that it belongs to the principal.
    public var claimsSite = false
    /// Push-log entries of the site below this sequence are forgotten (acknowledged before this batch).
    public var forgetBelow: UInt64?
    /// New push-log entries: what each new sequence was and the answer it got.
    public var remember: [(sequence: UInt64, RememberedPush)] = []
    /// Records to write, each once, as they are after the batch.
    public var records: [RecordWrite] = []
    /// Change-log entries, in the order they get sequences.
    public var log: [LogEntry] = []
    /// Concurrent edits to keep, both values with their versions.
    public var conflicts: [KeptConflict] = []
    /// The server clock after the batch.
    public var clock: HybridLogicalClock

    public typealias RememberedPush = PushContext.RememberedPush

    init(acknowledgement: PushAcknowledgement, clock: HybridLogicalClock) {
        self.acknowledgement = acknowledgement
        self.clock = clock
    }

    /// A record as the batch leaves it.
    public struct RecordWrite: Sendable {
        public var state: RecordState
        /// True when the store did not hold it before the batch (a plain INSERT will do).
        public var isNew: Bool
    }

    /// One change-log entry: the fields a change applied, under a territory.
    public struct LogEntry: Sendable {
        public var change: Change
        public var territory: String
        /// The site and agent the entry is logged as (an agent does not pull back its own site's entries).
        public var site: SiteID
        public var agentID: UUID
    }

    /// A concurrent edit: the winning and losing value of a field, with the sites that wrote them.
    public struct KeptConflict: Sendable {
        public var entity: EntityType
        public var id: UUID
        public var conflict: FieldConflict
    }
}
