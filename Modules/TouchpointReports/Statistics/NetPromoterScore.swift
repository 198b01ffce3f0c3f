/// The Net Promoter Score of a set of 0–10 answers: %promoters − %detractors, from −100 to +100.
///
/// Each answer scores +1 (promoter, 9–10), 0 (passive, 7–8) or −1 (detractor, 0–6); the score
/// is their mean times 100. With `p` and `d` the promoter and detractor shares the variance is
/// `V = p + d − (p − d)²` and the 95% margin of error is `1.96·√(V/n)·100`.
///
/// ```swift
/// let nps = try NetPromoterScore(scores: [10, 10, 9, 9, 9, 8, 8, 7, 3, 0])
/// nps.score          // 30.0
/// nps.marginOfError  // ≈ 48.41 — ten answers say little
/// nps.isSmallSample() // true
/// ```
public struct NetPromoterScore: SampledMetric, Hashable, Codable {
    /// The answer scale, 0 to 10.
    public static let scale = 0...10
    /// The range of the score, in points.
    public static let range: ClosedRange<Double> = -100...100

    /// Answers of 9 or 10.
    public let promoters: Int
    /// Answers of 7 or 8.
    public let passives: Int
    /// Answers from 0 to 6.
    public let detractors: Int

    /// All answers.
    public var n: Int { promoters + passives + detractors }

    /// Counts the buckets of `scores`; throws `scoreOutOfRange` for any answer outside 0–10.
    public init(scores: some Sequence<Int>) throws(ReportError) {
        var promoters = 0, passives = 0, detractors = 0
        for score in scores {
            switch try NPSBucket(score: score) {
            case .promoter: promoters += 1
            case .passive: passives += 1
            case .detractor: detractors += 1
            }
        }
        self.promoters = promoters
        self.passives = passives
        self.detractors = detractors
    }

    /// Uses bucket counts computed elsewhere (for example by a database query); throws `invalidCount` if any is negative.
    public init(promoters: Int, passives: Int, detractors: Int) throws(ReportError) {
        try ReportError.checkCounts(
            ReportError.isCount(promoters) && ReportError.isCount(passives) && ReportError.isCount(detractors),
            "NPS bucket counts must be non-negative counts (promoters \(promoters), passives \(passives), detractors \(detractors))"
        )
        self.promoters = promoters
        self.passives = passives
        self.detractors = detractors
    }

    /// Decodes the counts and applies the same checks as `init(promoters:passives:detractors:)`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let promoters = try container.decode(Int.self, forKey: .promoters)
        let passives = try container.decode(Int.self, forKey: .passives)
        let detractors = try container.decode(Int.self, forKey: .detractors)
        self = try decodeValidated(decoder) { () throws(ReportError) in
            try NetPromoterScore(promoters: promoters, passives: passives, detractors: detractors)
        }
    }

    /// The share of promoters, 0…1; nil without answers.
    public var promoterShare: Double? {
        n > 0 ? Double(promoters) / Double(n) : nil
    }

    /// The share of detractors, 0…1; nil without answers.
    public var detractorShare: Double? {
        n > 0 ? Double(detractors) / Double(n) : nil
    }

    /// %promoters − %detractors, from −100 to +100; nil (not 0) without answers.
    public var score: Double? {
        guard let p = promoterShare, let d = detractorShare else { return nil }
        return (p - d) * 100
    }

    /// The variance of the +1/0/−1 answer scores, `V = p + d − (p − d)²`; nil without answers.
    public var variance: Double? {
        guard let p = promoterShare, let d = detractorShare else { return nil }
        return Self.variance(promoterShare: p, detractorShare: d)
    }

    /// The 95% margin of error in points, `1.96·√(V/n)·100`; nil without answers.
    public var marginOfError: Double? {
        waldInterval?.marginOfError
    }

    /// The Wald 95% interval: `score ± marginOfError`, clamped to −100…+100; nil without answers.
    public var waldInterval: ConfidenceInterval? {
        guard n > 0 else { return nil }
        return Self.interval(promoters: Double(promoters), detractors: Double(detractors), n: Double(n))
    }

    /// The adjusted-Wald 95% interval, better behaved on small samples; nil without answers.
    ///
    /// Adds 3 to `n` and ¾ to each of the promoter and detractor counts, then applies the
    /// Wald formula; its `center` is the adjusted score, pulled toward 0.
    public var adjustedWaldInterval: ConfidenceInterval? {
        guard n > 0 else { return nil }
        return Self.interval(promoters: Double(promoters) + 0.75, detractors: Double(detractors) + 0.75, n: Double(n + 3))
    }

    private static func variance(promoterShare p: Double, detractorShare d: Double) -> Double {
        // Mathematically ≥ 0 since |p − d| ≤ p + d ≤ 1; the max guards rounding at V = 0.
        max(0, p + d - (p - d) * (p - d))
    }

    private static func interval(promoters: Double, detractors: Double, n: Double) -> ConfidenceInterval {
        let p = promoters / n
        let d = detractors / n
        let variance = variance(promoterShare: p, detractorShare: d)
        return ConfidenceInterval(
            center: (p - d) * 100,
            marginOfError: ConfidenceInterval.z95 * (variance / n).squareRoot() * 100,
            clampedTo: range
        )
    }
}
