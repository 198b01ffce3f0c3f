/// The server's answer to a push: what applying one batch did. The server's
/// store returns it, the session sends it as a `PushAck`, the client reads it back.
///
/// ```swift
/// let ack = try await connection.push(batch)
/// try store.settle(rejections: ack.rejected, acknowledgedUpTo: ack.ackedSequence)
/// ```
public struct PushAcknowledgement: Hashable, Sendable {
    /// The highest outbox sequence now applied, duplicate or rejected: the client drops its outbox up to here.
    public var ackedSequence: UInt64
    /// Changes applied.
    public var applied: Int
    /// Changes at or below the previously acknowledged sequence (a replay).
    public var duplicates: Int
    /// Concurrent edits detected and kept.
    public var conflicts: Int
    /// Changes refused for good, ascending by sequence; the client dead-letters them.
    public var rejected: [Rejection]
    /// The server's sequence head once the batch committed.
    public var sequenceHead: UInt64

    /// Creates an acknowledgement.
    public init(
        ackedSequence: UInt64, applied: Int = 0, duplicates: Int = 0, conflicts: Int = 0, rejected: [Rejection] = [],
        sequenceHead: UInt64 = 0
    ) {
        self.ackedSequence = ackedSequence
        self.applied = applied
        self.duplicates = duplicates
        self.conflicts = conflicts
        self.rejected = rejected
        self.sequenceHead = sequenceHead
    }
}
