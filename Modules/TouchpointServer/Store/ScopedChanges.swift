/// What one read of the change log in a scope found.
public struct ScopedChanges: Hashable, Sendable {
    /// Up to the asked limit of entries, in sequence order.
    public var entries: [LoggedChange]
    /// The highest sequence committed when the read was made.
    public var head: UInt64

    /// Creates a read result.
    public init(entries: [LoggedChange], head: UInt64) {
        self.entries = entries
        self.head = head
    }
}
