/// A metric's figure in one period bucket.
public struct TrendPoint: Codable, Sendable, Hashable {
    /// The bucket.
    public var period: PeriodBucket
    /// The figure in that bucket.
    public var figure: Figure
}
