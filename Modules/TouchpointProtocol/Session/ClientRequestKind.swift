/// The kind of a request the client has outstanding.
public enum ClientRequestKind: Hashable, Sendable {
    /// A push of a batch whose highest outbox sequence is `lastSequence`.
    case push(lastSequence: UInt64)
    /// A pull after `afterSequence` of at most `maxChanges`.
    case pull(afterSequence: UInt64, maxChanges: Int)
    /// An admin command.
    case admin
    /// A ping.
    case ping(nonce: UInt64)
}
