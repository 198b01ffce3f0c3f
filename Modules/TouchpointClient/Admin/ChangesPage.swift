import TouchpointProtocol

/// A page of the change feed.
public struct ChangesPage: Sendable, Hashable {
    public var changes: [SequencedChange]
    public var more: Bool
    public var head: UInt64
}
