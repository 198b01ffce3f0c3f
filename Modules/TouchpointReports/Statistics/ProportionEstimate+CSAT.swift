extension ProportionEstimate {
    /// The CSAT answer scale, 1 to 5.
    public static let csatScale = 1...5
    /// CSAT answers that count as satisfied, 4 and 5.
    public static let csatSatisfied = 4...5

    /// CSAT: answers of 4–5 ÷ all answers on the 1–5 scale; throws `scoreOutOfRange` for any other value.
    ///
    /// Pass rated answers only: an unrated survey is not an answer and must not lower the share.
    public static func customerSatisfaction(scores: some Sequence<Int>) throws(ReportError) -> ProportionEstimate {
        var satisfied = 0, n = 0
        for score in scores {
            try ReportError.check(score, on: csatScale, metric: "CSAT")
            n += 1
            if csatSatisfied.contains(score) { satisfied += 1 }
        }
        return ProportionEstimate(checkedSuccesses: satisfied, n: n)
    }
}
