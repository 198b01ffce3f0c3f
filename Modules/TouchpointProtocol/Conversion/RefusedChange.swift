/// A pushed change the server refuses on its own while decoding the batch
/// (its text is not valid UTF-8): it gets a rejection in the PushAck and the
/// rest of the batch applies.
public struct RefusedChange: Hashable, Sendable {
    /// The change's outbox sequence.
    public var sequence: UInt64
    /// Why, always `INVALID_ARGUMENT`, with a `field` detail naming the culprit.
    public var error: ProtocolError

    /// Creates a refusal.
    public init(sequence: UInt64, error: ProtocolError) {
        self.sequence = sequence
        self.error = error
    }
}
