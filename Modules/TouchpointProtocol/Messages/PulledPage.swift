/// One pull page, decoded and checked against its request.
public struct PulledPage: Hashable, Sendable {
    /// Changes in server-sequence order.
    public var changes: [SequencedChange]
    /// The cursor to store with the page, in the same local transaction.
    public var nextCursor: UInt64
    /// True when more changes wait after `nextCursor`.
    public var hasMore: Bool
    /// The server's sequence head when the page was made.
    public var sequenceHead: UInt64

    /// Creates a page.
    public init(changes: [SequencedChange], nextCursor: UInt64, hasMore: Bool, sequenceHead: UInt64) {
        self.changes = changes
        self.nextCursor = nextCursor
        self.hasMore = hasMore
        self.sequenceHead = sequenceHead
    }
}
