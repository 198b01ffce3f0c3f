/// The Net Promoter group of a 0–10 answer.
public enum NPSBucket: String, Sendable, Hashable, Codable, CaseIterable {
    /// An answer of 9 or 10.
    case promoter
    /// An answer of 7 or 8.
    case passive
    /// An answer from 0 to 6.
    case detractor

    /// The bucket of a 0–10 answer; throws `scoreOutOfRange` for anything else.
    public init(score: Int) throws(ReportError) {
        try ReportError.check(score, on: NetPromoterScore.scale, metric: "NPS")
        switch score {
        case 9...10: self = .promoter
        case 7...8: self = .passive
        default: self = .detractor
        }
    }
}
