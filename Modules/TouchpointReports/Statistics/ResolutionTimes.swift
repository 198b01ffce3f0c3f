import Foundation

/// Time to resolution of a set of cases, in seconds: median, p90 and mean of the resolved ones.
///
/// Percentiles interpolate linearly between closest ranks, as numpy does by default (see
/// `Percentile`). Compute durations from device time (`occurred_at`), not sync time: work
/// logged offline happened when the agent says it did. Resolution time and first-reply time
/// are different figures; this type holds whichever durations it is given.
///
/// ```swift
/// let times = try ResolutionTimes(durations: [3600, 7200, 10800, 14400])
/// times.median  // 9000 (2 h 30 min)
/// times.p90     // 13320 (3 h 42 min)
/// ```
public struct ResolutionTimes: SampledMetric, Hashable, Codable {
    /// Resolved cases, the ones the figures describe.
    public let n: Int
    /// Cases without a resolution time, left out of every figure.
    public let unresolved: Int
    /// The median duration in seconds; nil when nothing is resolved.
    public let median: Double?
    /// The 90th percentile duration in seconds, by linear interpolation; nil when nothing is resolved.
    public let p90: Double?
    /// The mean duration in seconds; nil when nothing is resolved.
    public let mean: Double?

    /// Summarises durations in seconds; throws `invalidDuration` for a negative or non-finite one.
    public init(durations: some Sequence<Double>) throws(ReportError) {
        try self.init(durations: durations, unresolved: 0)
    }

    /// Summarises `resolvedAt − openedAt` over the cases, skipping those not resolved.
    ///
    /// Throws `invalidDuration` for a case resolved before it was opened: that means a wrong
    /// clock or a wrong record, and a report should not average it away.
    public init(cases: some Sequence<(openedAt: Date, resolvedAt: Date?)>) throws(ReportError) {
        var durations: [Double] = []
        var unresolved = 0
        for (openedAt, resolvedAt) in cases {
            if let resolvedAt {
                durations.append(resolvedAt.timeIntervalSince(openedAt))
            } else {
                unresolved += 1
            }
        }
        try self.init(durations: durations, unresolved: unresolved)
    }

    private init(durations: some Sequence<Double>, unresolved: Int) throws(ReportError) {
        var sorted: [Double] = []
        for duration in durations {
            guard duration.isFinite, duration >= 0 else {
                throw ReportError(
                    code: .invalidDuration,
                    message: "resolution time \(duration) s must be a finite, non-negative number of seconds"
                )
            }
            sorted.append(duration)
        }
        sorted.sort()
        self.n = sorted.count
        self.unresolved = unresolved
        self.median = Percentile.interpolated(0.5, ofSorted: sorted)
        self.p90 = Percentile.interpolated(0.9, ofSorted: sorted)
        self.mean = sorted.isEmpty ? nil : sorted.reduce(0, +) / Double(sorted.count)
    }
}
