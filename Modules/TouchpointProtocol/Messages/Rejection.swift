/// A pushed change the server refused for good: the client moves it to its dead
/// letters and rolls it back locally.
public struct Rejection: Hashable, Sendable {
    /// The change's outbox sequence.
    public var sequence: UInt64
    /// Why, e.g. `PERMISSION_DENIED`, `INVALID_ARGUMENT`.
    public var code: ProtocolError.Code
    /// One clear line naming the record.
    public var message: String

    /// Creates a rejection.
    public init(sequence: UInt64, code: ProtocolError.Code, message: String) {
        self.sequence = sequence
        self.code = code
        self.message = message
    }

    /// The rejection of a change refused while its batch was decoded.
    public init(_ refused: RefusedChange) {
        self.init(sequence: refused.sequence, code: refused.error.code, message: refused.error.message)
    }
}
