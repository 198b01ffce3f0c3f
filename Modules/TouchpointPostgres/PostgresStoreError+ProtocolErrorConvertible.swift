import TouchpointProtocol

/// A database that cannot be reached is `UNAVAILABLE` for an agent, which
/// retries with backoff and loses nothing; anything else is the server's
/// problem, told as a generic `INTERNAL` (the message names hosts and SQL).
extension PostgresStoreError: ProtocolErrorConvertible {
    public var protocolErrorCode: ProtocolError.Code {
        code == .unavailable ? .unavailable : .internal
    }

    public var protocolErrorMessage: String {
        code == .unavailable
            ? "the server's database is unavailable: try again shortly" : ProtocolError.internalMessage
    }
}
