/// Where the change log starts to be whole and where it ends, as one read sees them.
public struct LogBounds: Hashable, Sendable {
    /// The highest sequence committed (0 when empty).
    public var head: UInt64
    /// How far the log was last rewritten in place (0: never): up to a garbage
    /// collection's horizon (records whole instead of their history), or up to the head
    /// when an erasure scrubbed personal values. A pull page read before that rewrite is
    /// not served again to a pull starting below it.
    public var rewrittenThrough: UInt64

    /// Creates bounds.
    public init(head: UInt64, rewrittenThrough: UInt64) {
        self.head = head
        self.rewrittenThrough = rewrittenThrough
    }
}
