/// A protocol failure: a stable code (gRPC's canonical status codes), a human
/// message, optional machine-readable details and an optional underlying cause.
///
/// The same code travels in the wire `Error` message, so a client sees exactly
/// what the server decided:
///
/// ```swift
/// throw ProtocolError(.resourceExhausted, "frame of 9000000 bytes exceeds the 4194304-byte limit")
/// ```
public struct ProtocolError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A canonical error code; `rawValue` is the gRPC status number.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Wrapped: Int, Hashable, Sendable {
            case cancelled = 1, unknown, invalidArgument, deadlineExceeded, notFound, alreadyExists
            case permissionDenied, resourceExhausted, failedPrecondition, aborted, outOfRange
            case unimplemented, `internal`, unavailable, dataLoss, unauthenticated
        }

        private let wrapped: Wrapped

        private init(_ wrapped: Wrapped) { self.wrapped = wrapped }

        /// The code for a gRPC status number; nil for 0 (OK) and unknown numbers.
        public init?(rawValue: Int) {
            guard let wrapped = Wrapped(rawValue: rawValue) else { return nil }
            self.wrapped = wrapped
        }

        /// The gRPC status number (1…16), also the wire `ErrorCode` value.
        public var rawValue: Int { wrapped.rawValue }

        /// The operation was cancelled, typically by the caller.
        public static let cancelled = Code(.cancelled)
        /// An error with no better code.
        public static let unknown = Code(.unknown)
        /// The message was malformed or a value is invalid; resending it unchanged fails again.
        public static let invalidArgument = Code(.invalidArgument)
        /// A deadline passed (e.g. no Hello within the handshake timeout).
        public static let deadlineExceeded = Code(.deadlineExceeded)
        /// The named entity (agent, conflict) does not exist.
        public static let notFound = Code(.notFound)
        /// The entity to create already exists.
        public static let alreadyExists = Code(.alreadyExists)
        /// Authenticated, but not allowed to do this (e.g. admin command as an agent).
        public static let permissionDenied = Code(.permissionDenied)
        /// A limit was exceeded (frame size, batch size) or the server is overloaded.
        public static let resourceExhausted = Code(.resourceExhausted)
        /// The session is not in a state for this message (e.g. push before Hello, no common version).
        public static let failedPrecondition = Code(.failedPrecondition)
        /// The operation was aborted (e.g. a transaction conflict); retry it.
        public static let aborted = Code(.aborted)
        /// A value is outside the accepted range (e.g. an HLC too far ahead of the server clock).
        public static let outOfRange = Code(.outOfRange)
        /// The message kind is unknown or not supported.
        public static let unimplemented = Code(.unimplemented)
        /// A bug or broken invariant on the sender's side.
        public static let `internal` = Code(.internal)
        /// The service is temporarily unavailable (shutting down, store offline); retry with backoff.
        public static let unavailable = Code(.unavailable)
        /// Unrecoverable data loss or corruption.
        public static let dataLoss = Code(.dataLoss)
        /// The token is missing, unknown or revoked.
        public static let unauthenticated = Code(.unauthenticated)

        /// Every code, in number order.
        public static let allCases: [Code] = (1...16).compactMap { Code(rawValue: $0) }

        /// True when the same request may succeed if sent again unchanged (after a backoff).
        public var isRetryable: Bool {
            switch wrapped {
            case .unavailable, .deadlineExceeded, .aborted, .cancelled: true
            default: false
            }
        }

        /// The gRPC name, e.g. `INVALID_ARGUMENT`.
        public var name: String {
            switch wrapped {
            case .cancelled: "CANCELLED"
            case .unknown: "UNKNOWN"
            case .invalidArgument: "INVALID_ARGUMENT"
            case .deadlineExceeded: "DEADLINE_EXCEEDED"
            case .notFound: "NOT_FOUND"
            case .alreadyExists: "ALREADY_EXISTS"
            case .permissionDenied: "PERMISSION_DENIED"
            case .resourceExhausted: "RESOURCE_EXHAUSTED"
            case .failedPrecondition: "FAILED_PRECONDITION"
            case .aborted: "ABORTED"
            case .outOfRange: "OUT_OF_RANGE"
            case .unimplemented: "UNIMPLEMENTED"
            case .internal: "INTERNAL"
            case .unavailable: "UNAVAILABLE"
            case .dataLoss: "DATA_LOSS"
            case .unauthenticated: "UNAUTHENTICATED"
            }
        }

        public var description: String { name }
    }

    /// The stable code.
    public var code: Code
    /// A one-sentence English explanation.
    public var message: String
    /// Machine-readable details (e.g. `field` → `names[7]`); sent sorted by key.
    public var details: [String: String]
    /// When set, the request may be retried unchanged after this delay (e.g. an overloaded server).
    public var retryAfter: Duration?
    /// The underlying error, for logs; never sent on the wire.
    public var cause: (any Error & Sendable)?

    /// Creates an error.
    public init(
        _ code: Code,
        _ message: String,
        details: [String: String] = [:],
        retryAfter: Duration? = nil,
        cause: (any Error & Sendable)? = nil
    ) {
        self.code = code
        self.message = message
        self.details = details
        self.retryAfter = retryAfter
        self.cause = cause
    }

    /// True when the failed request may be sent again unchanged, after a backoff.
    public var isRetryable: Bool { code.isRetryable || retryAfter != nil }

    public var description: String {
        var text = "\(code.name): \(message)"
        if !details.isEmpty {
            text += " [" + details.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ") + "]"
        }
        if let cause { text += " (cause: \(cause))" }
        return text
    }

    /// Equality ignores `cause`, which is for logs only.
    public static func == (lhs: ProtocolError, rhs: ProtocolError) -> Bool {
        lhs.code == rhs.code && lhs.message == rhs.message && lhs.details == rhs.details
            && lhs.retryAfter == rhs.retryAfter
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(message)
        hasher.combine(details)
    }
}
