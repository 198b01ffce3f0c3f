/// A report that cannot be computed or rendered as asked, or an input a statistic cannot accept,
/// with a message fit for a CLI's one-line error.
///
/// The statistics reject bad input rather than clamp it, so a report never prints a figure
/// computed from data it silently rewrote.
public struct ReportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of problem, for callers that branch on it.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Wrapped: Hashable, Sendable {
            case invalidRequest
            case invalidData
            case renderFailed
            case scoreOutOfRange
            case invalidCount
            case invalidDuration
            case inconsistentFacts
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
        /// A survey answer lies outside the scale of its metric (NPS 0–10, CSAT 1–5, CES 1–7).
        public static let scoreOutOfRange = Code(.scoreOutOfRange)
        /// A count is negative or contradicts the other counts it comes with.
        public static let invalidCount = Code(.invalidCount)
        /// A duration is negative or not a finite number of seconds.
        public static let invalidDuration = Code(.invalidDuration)
        /// Per-item facts contradict each other (for example, active at the end without having joined).
        public static let inconsistentFacts = Code(.inconsistentFacts)

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
