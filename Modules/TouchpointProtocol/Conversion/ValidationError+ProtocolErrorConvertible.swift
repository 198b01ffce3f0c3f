import TouchpointModel

/// A value the model refuses: the client sent it, so it may read why.
extension ValidationError: ProtocolErrorConvertible {
    public var protocolErrorCode: ProtocolError.Code { .invalidArgument }
    public var protocolErrorMessage: String { description }
    public var protocolErrorDetails: [String: String] { ["field": field] }
}
