/// An input that a metric formula cannot accept, such as a score outside its scale.
///
/// Formulas reject bad input rather than clamp it, so a report never prints a figure
/// computed from data it silently rewrote.
public struct MetricError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of problem, for callers that branch on it.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Wrapped: Hashable, Sendable {
            case scoreOutOfRange
            case invalidCount
            case invalidDuration
            case inconsistentFacts
        }

        private let wrapped: Wrapped

        private init(_ wrapped: Wrapped) {
            self.wrapped = wrapped
        }

        /// A survey answer lies outside the scale of its metric (NPS 0–10, CSAT 1–5, CES 1–7).
        public static let scoreOutOfRange = Code(.scoreOutOfRange)
        /// A count is negative or contradicts the other counts it comes with.
        public static let invalidCount = Code(.invalidCount)
        /// A duration is negative or not a finite number of seconds.
        public static let invalidDuration = Code(.invalidDuration)
        /// Per-item facts contradict each other (for example, active at the end without having joined).
        public static let inconsistentFacts = Code(.inconsistentFacts)

        /// The code's name, such as `scoreOutOfRange`.
        public var description: String { String(describing: wrapped) }
    }

    /// What kind of input was rejected.
    public let code: Code
    /// A human-readable sentence naming the offending value.
    public let message: String

    /// Creates an error with a code and a message.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    /// The code followed by the message.
    public var description: String { "\(code): \(message)" }
}

extension MetricError {
    /// Throws unless `score` lies on `scale`.
    static func check(_ score: Int, on scale: ClosedRange<Int>, metric: String) throws(MetricError) {
        guard scale.contains(score) else {
            throw MetricError(
                code: .scoreOutOfRange,
                message: "\(metric) answer \(score) is outside the \(scale.lowerBound)–\(scale.upperBound) scale"
            )
        }
    }

    /// The largest count a formula accepts: real counts are far smaller, and the bound keeps sums such as `7·n` from overflowing.
    static let countLimit = Int.max / 8

    /// Whether `value` is a usable count: not negative and at most `countLimit`.
    static func isCount(_ value: Int) -> Bool {
        (0...countLimit).contains(value)
    }

    /// Throws unless `condition` holds, with an `invalidCount` error carrying `message`.
    static func checkCounts(_ condition: Bool, _ message: @autoclosure () -> String) throws(MetricError) {
        guard condition else {
            throw MetricError(code: .invalidCount, message: message())
        }
    }
}

/// Runs a validating initializer while decoding, turning its `MetricError` into a `DecodingError`.
///
/// Synthesized decoding would let an encoded value bypass the checks the initializers make.
func decodeValidated<T>(
    _ decoder: any Decoder,
    _ make: () throws(MetricError) -> T
) throws(DecodingError) -> T {
    do {
        return try make()
    } catch {
        throw DecodingError.dataCorrupted(
            DecodingError.Context(codingPath: decoder.codingPath, debugDescription: error.message, underlyingError: error)
        )
    }
}
