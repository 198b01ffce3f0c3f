import Testing

/// Groups every CX statistics suite under one name, so `swift test --filter Statistics` runs them all.
@Suite("Statistics")
struct StatisticsTests {
    /// Whether `actual` is within `tolerance` of `expected`; false when `actual` is nil.
    static func isClose(_ actual: Double?, _ expected: Double, tolerance: Double = 1e-9) -> Bool {
        guard let actual else { return false }
        return abs(actual - expected) <= tolerance
    }
}
