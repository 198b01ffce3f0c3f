/// A row import refused, and why (`line 17: feedback.score: NPS score must be 0–10, got 11`).
public struct RejectedRow: Hashable, Sendable, CustomStringConvertible {
    /// 1-based line of the file.
    public var line: Int
    /// Why, in one line.
    public var reason: String

    /// Creates a rejection.
    public init(line: Int, reason: String) {
        self.line = line
        self.reason = reason
    }

    public var description: String { "line \(line): \(reason)" }
}
