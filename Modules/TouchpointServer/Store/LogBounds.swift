/// Where the change log starts to be whole and where it ends, as one read sees them.
public struct LogBounds: Hashable, Sendable {
    /// The highest sequence committed (0 when empty).
    public var head: UInt64
    /// The highest horizon a garbage collection compacted the log to (0: never). Below
    /// it the log holds records whole, not their history: a pull page read before that
    /// collection is not served again to a pull starting below it.
    public var compactedThrough: UInt64

    /// Creates bounds.
    public init(head: UInt64, compactedThrough: UInt64) {
        self.head = head
        self.compactedThrough = compactedThrough
    }
}
