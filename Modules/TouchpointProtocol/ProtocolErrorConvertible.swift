/// An error that says how it reaches a peer: its wire code and a message safe to
/// send (like grpc-swift's `RPCErrorConvertible`).
///
/// The server turns whatever a request throws into the wire `Error` with
/// ``ProtocolError/init(converting:)``, the one place errors become wire codes:
/// an error adopting this protocol keeps its code and message; any other error
/// becomes `INTERNAL` with a generic message, so raw text (SQL, file paths,
/// stored values) never reaches a client by accident.
///
/// ```swift
/// extension StoreError: ProtocolErrorConvertible {
///     public var protocolErrorCode: ProtocolError.Code { kind == .notFound ? .notFound : .invalidArgument }
///     public var protocolErrorMessage: String { message }
/// }
/// ```
public protocol ProtocolErrorConvertible: Error {
    /// The wire code.
    var protocolErrorCode: ProtocolError.Code { get }
    /// One line a client may read: nothing internal (SQL, file paths, stored values).
    var protocolErrorMessage: String { get }
    /// Machine-readable details for the client; none by default.
    var protocolErrorDetails: [String: String] { get }
}

extension ProtocolErrorConvertible {
    /// No details.
    public var protocolErrorDetails: [String: String] { [:] }
}

extension ProtocolError: ProtocolErrorConvertible {
    public var protocolErrorCode: Code { code }
    public var protocolErrorMessage: String { message }
    public var protocolErrorDetails: [String: String] { details }
}

extension ProtocolError {
    /// What a client is told about an error the server did not expect; the error itself goes to the server's log.
    public static let internalMessage = "the server failed to complete the request (an internal error: its log has the details)"

    /// Creates the wire form of an error that says its own.
    public init(_ convertible: some ProtocolErrorConvertible) {
        if let error = convertible as? ProtocolError {
            self = error
        } else {
            self.init(
                convertible.protocolErrorCode, convertible.protocolErrorMessage, details: convertible.protocolErrorDetails,
                cause: convertible)
        }
    }

    /// The wire form of anything a request threw: the error's own when it is
    /// ``ProtocolErrorConvertible``, otherwise `INTERNAL` with ``internalMessage``
    /// (the error is kept as `cause`, for logs only).
    public init(converting error: any Error) {
        if let convertible = error as? any ProtocolErrorConvertible {
            self.init(convertible)
        } else {
            self.init(.internal, Self.internalMessage, cause: error)
        }
    }
}
