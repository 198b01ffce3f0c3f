extension ReportError {
    /// Throws unless `score` lies on `scale`.
    static func check(_ score: Int, on scale: ClosedRange<Int>, metric: String) throws(ReportError) {
        guard scale.contains(score) else {
            throw ReportError(
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
    static func checkCounts(_ condition: Bool, _ message: @autoclosure () -> String) throws(ReportError) {
        guard condition else {
            throw ReportError(code: .invalidCount, message: message())
        }
    }
}

/// Runs a validating initializer while decoding, turning its `ReportError` into a `DecodingError`.
///
/// Synthesized decoding would let an encoded value bypass the checks the initializers make.
func decodeValidated<T>(
    _ decoder: any Decoder,
    _ make: () throws(ReportError) -> T
) throws(DecodingError) -> T {
    do {
        return try make()
    } catch {
        throw DecodingError.dataCorrupted(
            DecodingError.Context(codingPath: decoder.codingPath, debugDescription: error.message, underlyingError: error)
        )
    }
}
