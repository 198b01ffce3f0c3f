import TouchpointProtocol

/// A pushed batch on its way: the batch, and its request id once it was sent.
public struct PendingPush: Hashable, Sendable {
    /// The batch, for a transport that pushes it when the acknowledgement is asked for
    /// (by then the batch before it was acknowledged); empty once sent.
    public var entries: [SequencedChange]
    /// The request id of a batch already sent; nil when the transport pushes on ``SyncTransport/receivePush(_:)``.
    public var requestID: UInt64?

    /// Creates a pending push.
    public init(entries: [SequencedChange], requestID: UInt64? = nil) {
        self.entries = entries
        self.requestID = requestID
    }

    /// True when the batch is on the wire, so its answer must be read before anything else.
    public var isSent: Bool { requestID != nil }
}
