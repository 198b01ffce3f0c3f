/// The Customer Effort Score of a set of 1–7 answers: their mean, plus the share of "easy" answers (5–7).
///
/// Reports must say which of the two figures they print; `mean` is the headline CES.
///
/// ```swift
/// let ces = try CustomerEffortScore(scores: [7, 6, 5, 3, 1])
/// ces.mean               // 4.4
/// ces.easyShare.percent  // 60.0
/// ```
public struct CustomerEffortScore: SampledMetric, Hashable, Codable {
    /// The answer scale, 1 to 7.
    public static let scale = 1...7
    /// Answers that count as easy, 5 to 7.
    public static let easyScores = 5...7

    /// All answers.
    public let n: Int
    /// The sum of all answers.
    public let sum: Int
    /// Answers of 5–7.
    public let easyAnswers: Int

    /// Summarises `scores`; throws `scoreOutOfRange` for any answer outside 1–7.
    public init(scores: some Sequence<Int>) throws(ReportError) {
        var n = 0, sum = 0, easy = 0
        for score in scores {
            try ReportError.check(score, on: Self.scale, metric: "CES")
            n += 1
            sum += score
            if Self.easyScores.contains(score) { easy += 1 }
        }
        self.n = n
        self.sum = sum
        self.easyAnswers = easy
    }

    /// Uses totals computed elsewhere; throws `invalidCount` unless some set of 1–7 answers could produce them.
    public init(n: Int, sum: Int, easyAnswers: Int) throws(ReportError) {
        try ReportError.checkCounts(
            Self.sumIsPossible(n: n, sum: sum, easyAnswers: easyAnswers),
            "no set of \(n) CES answers with \(easyAnswers) of 5–7 sums to \(sum)"
        )
        self.n = n
        self.sum = sum
        self.easyAnswers = easyAnswers
    }

    /// Decodes the totals and applies the same checks as `init(n:sum:easyAnswers:)`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let n = try container.decode(Int.self, forKey: .n)
        let sum = try container.decode(Int.self, forKey: .sum)
        let easyAnswers = try container.decode(Int.self, forKey: .easyAnswers)
        self = try decodeValidated(decoder) { () throws(ReportError) in
            try CustomerEffortScore(n: n, sum: sum, easyAnswers: easyAnswers)
        }
    }

    private static func sumIsPossible(n: Int, sum: Int, easyAnswers: Int) -> Bool {
        guard ReportError.isCount(n), (0...n).contains(easyAnswers) else { return false }
        let others = n - easyAnswers
        // Easy answers contribute 5…7 each, the others 1…4; `isCount` keeps 7·n from overflowing.
        return (easyAnswers * 5 + others * 1...easyAnswers * 7 + others * 4).contains(sum)
    }

    /// The mean answer, 1…7; nil without answers.
    public var mean: Double? {
        n > 0 ? Double(sum) / Double(n) : nil
    }

    /// The share of answers of 5–7, with its Wilson interval; `percent` is nil without answers.
    public var easyShare: ProportionEstimate {
        ProportionEstimate(checkedSuccesses: easyAnswers, n: n)
    }
}
