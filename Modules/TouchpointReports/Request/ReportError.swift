/// A report that cannot be computed or rendered as asked, with a message fit for a CLI's one-line error.
public struct ReportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of problem, for callers that branch on it.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Wrapped: Hashable, Sendable {
            case invalidRequest
            case invalidData
            case renderFailed
        }

        private let wrapped: Wrapped

        private init(_ wrapped: Wrapped) {
            self.wrapped = wrapped
        }

        /// The request is malformed: unknown dimension, bad date, bad filter, too many cuts.
        public static let invalidRequest = Code(.invalidRequest)
        /// A record cannot enter a metric formula (for example a score outside its scale).
        public static let invalidData = Code(.invalidData)
        /// A renderer could not produce its output.
        public static let renderFailed = Code(.renderFailed)

        /// The code's name, such as `invalidRequest`.
        public var description: String { String(describing: wrapped) }
    }

    /// What kind of problem this is.
    public let code: Code
    /// A human-readable sentence naming the offending value.
    public let message: String

    /// Creates an error with a code and a message.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }

    static func invalidRequest(_ message: String) -> ReportError {
        ReportError(code: .invalidRequest, message: message)
    }
}
