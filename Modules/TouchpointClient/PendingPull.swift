/// A pull on its way: what it asked for, and its request id when it was sent.
public struct PendingPull: Hashable, Sendable {
    /// The cursor the pull starts after.
    public var after: UInt64
    /// The most changes asked for.
    public var limit: Int
    /// The outbox depth reported with it.
    public var outboxDepth: Int?
    /// The request id of a pull already sent; nil when the transport pulls on ``SyncTransport/receivePull(_:)``.
    public var requestID: UInt64?

    /// Creates a pending pull.
    public init(after: UInt64, limit: Int, outboxDepth: Int?, requestID: UInt64? = nil) {
        self.after = after
        self.limit = limit
        self.outboxDepth = outboxDepth
        self.requestID = requestID
    }
}
