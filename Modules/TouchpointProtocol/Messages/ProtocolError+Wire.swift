extension ProtocolError {
    /// The wire `Error` message for this error.
    ///
    /// - Parameter fatal: true when the sender closes the connection after it.
    public func wire(fatal: Bool) -> Touchpoint_V1_Error {
        var error = Touchpoint_V1_Error()
        error.code = code.wire
        error.message = message
        error.details = details.sorted { $0.key < $1.key }.map { key, value in
            var detail = Touchpoint_V1_ErrorDetail()
            detail.key = key
            detail.value = value
            return detail
        }
        error.fatal = fatal
        if let retryAfter {
            error.retryAfterMs = max(retryAfter.wireMilliseconds, 1)
        }
        return error
    }

    /// Reads a wire `Error`; an unknown or OK code becomes `UNKNOWN`.
    public init(wire: Touchpoint_V1_Error) {
        var details: [String: String] = [:]
        for detail in wire.details { details[detail.key] = detail.value }
        self.init(
            Code(wire: wire.code),
            wire.message,
            details: details,
            retryAfter: wire.retryAfterMs == 0 ? nil : .milliseconds(Int64(wire.retryAfterMs))
        )
    }
}

extension ProtocolError.Code {
    /// The wire `ErrorCode`.
    public var wire: Touchpoint_V1_ErrorCode { Touchpoint_V1_ErrorCode(rawValue: rawValue) ?? .unknown }

    /// Reads a wire `ErrorCode`; OK and unknown numbers become `UNKNOWN`.
    public init(wire: Touchpoint_V1_ErrorCode) {
        self = Self(rawValue: wire.rawValue) ?? .unknown
    }
}
