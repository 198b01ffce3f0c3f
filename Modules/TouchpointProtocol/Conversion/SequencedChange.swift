import TouchpointModel

/// A ``Change`` with the sequence it travels under: the client's outbox
/// sequence in a push, the server's sequence in a pull page.
public struct SequencedChange: Hashable, Sendable {
    /// The outbox (push) or server (pull) sequence.
    public var sequence: UInt64
    /// The change.
    public var change: Change

    /// Creates a sequenced change.
    public init(sequence: UInt64, change: Change) {
        self.sequence = sequence
        self.change = change
    }
}
