import TouchpointProtocol
import TouchpointStore

/// A store failure: what the request asked for does not exist, is invalid or is
/// refused, worded for the user; a store that is not initialized or holds data it
/// cannot read is the server's problem, told as a generic `INTERNAL` (its message
/// may quote stored rows).
extension StoreError: ProtocolErrorConvertible {
    public var protocolErrorCode: ProtocolError.Code {
        switch kind {
        case .notFound: .notFound
        case .invalid: .invalidArgument
        case .refused: .failedPrecondition
        case .notInitialized, .corrupt: .internal
        }
    }

    public var protocolErrorMessage: String {
        protocolErrorCode == .internal ? ProtocolError.internalMessage : message
    }
}
