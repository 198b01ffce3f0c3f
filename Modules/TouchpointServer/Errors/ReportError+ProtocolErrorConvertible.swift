import TouchpointProtocol
import TouchpointReports

/// A report that cannot be computed: a malformed request is the client's to fix;
/// records a formula cannot take, or a renderer failing, are the server's.
extension ReportError: ProtocolErrorConvertible {
    public var protocolErrorCode: ProtocolError.Code { code == .invalidRequest ? .invalidArgument : .internal }
    public var protocolErrorMessage: String { message }
}
