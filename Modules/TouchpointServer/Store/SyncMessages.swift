import Foundation
import TouchpointModel
import TouchpointProtocol


/// A change the server refused permanently; the client dead-letters it.
public struct Rejection: Hashable, Sendable {
    public var seq: UInt64
    /// Why, e.g. `PERMISSION_DENIED`, `INVALID_ARGUMENT`.
    public var code: ProtocolError.Code
    /// One clear line naming the record.
    public var message: String

    /// Creates a rejection.
    public init(seq: UInt64, code: ProtocolError.Code, message: String) {
        self.seq = seq
        self.code = code
        self.message = message
    }
}

/// What applying one pushed batch did.
public struct PushOutcome: Hashable, Sendable {
    /// The highest local sequence now applied or rejected: the client drops its outbox up to here.
    public var ackedSeq: UInt64
    public var applied: Int = 0
    /// Entries at or below the previously acknowledged sequence (a replay).
    public var duplicates: Int = 0
    /// Concurrent edits detected and kept.
    public var conflicts: Int = 0
    public var rejected: [Rejection] = []
    /// The highest server sequence once the batch committed.
    public var head: UInt64 = 0

    /// Creates an outcome.
    public init(ackedSeq: UInt64) { self.ackedSeq = ackedSeq }
}
