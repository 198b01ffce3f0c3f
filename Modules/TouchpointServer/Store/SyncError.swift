/// A refusal the server sends as an Error frame: a canonical gRPC code and one clear line.
public struct SyncError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Canonical code, named as in gRPC.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The canonical name, e.g. `PERMISSION_DENIED`.
        public let name: String
        public var description: String { name }

        public static let invalidArgument = Code(name: "INVALID_ARGUMENT")
        public static let unauthenticated = Code(name: "UNAUTHENTICATED")
        public static let permissionDenied = Code(name: "PERMISSION_DENIED")
        public static let failedPrecondition = Code(name: "FAILED_PRECONDITION")
        public static let resourceExhausted = Code(name: "RESOURCE_EXHAUSTED")
        public static let notFound = Code(name: "NOT_FOUND")
        public static let unavailable = Code(name: "UNAVAILABLE")
        public static let internalError = Code(name: "INTERNAL")
    }

    public var code: Code
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
