import TouchpointProtocol

/// A pushed batch on its way: the batch, and its request id once it was sent.
public struct PendingPush: Hashable, Sendable {
    /// The batch.
    public var entries: [SequencedChange]
    /// The last sequence of the batch sent before it without its acknowledgement yet (pipelining).
    public var previous: UInt64?
    /// The request id of a batch already sent; nil when the transport pushes on ``SyncTransport/receivePush(_:)``.
    public var requestID: UInt64?

    /// Creates a pending push.
    public init(entries: [SequencedChange], previous: UInt64?, requestID: UInt64? = nil) {
        self.entries = entries
        self.previous = previous
        self.requestID = requestID
    }

    /// True when the batch is on the wire, so its answer must be read before anything else.
    public var isSent: Bool { requestID != nil }
}
