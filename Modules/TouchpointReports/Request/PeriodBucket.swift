import Foundation

/// One period bucket: its label and its `[start, end)` interval.
public struct PeriodBucket: Codable, Sendable, Hashable {
    /// `2026-W47` or `2026-11`.
    public var label: String
    /// Inclusive start.
    public var start: Date
    /// Exclusive end.
    public var end: Date

    /// Creates a bucket.
    public init(label: String, start: Date, end: Date) {
        self.label = label
        self.start = start
        self.end = end
    }
}
