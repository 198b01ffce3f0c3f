/// A figure a report computes for every row (and churn and retention for the whole period only).
public enum Metric: String, CaseIterable, Codable, Sendable, CodingKeyRepresentable {
    /// Net Promoter Score, −100…+100, with its 95% margin of error (`NetPromoterScore`).
    case nps
    /// CSAT: % of 4–5 answers on 1–5, with a Wilson interval.
    case csat
    /// Customer Effort Score: mean answer on 1–7.
    case ces
    /// Interactions logged.
    case interactions
    /// Cases opened.
    case casesOpened = "cases_opened"
    /// Median time to resolution of the cases resolved, in seconds.
    case ttrMedian = "ttr_median"
    /// 90th percentile time to resolution, in seconds.
    case ttrP90 = "ttr_p90"
    /// First-contact resolution: % of resolved cases with at most one linked interaction, never reopened.
    case fcr
    /// % of cases resolved at least once that were reopened.
    case reopenRate = "reopen_rate"
    /// Answers that need a follow-up (NPS 0–6, CSAT 1–2) with no closed-loop follow-up; `n` is all such answers.
    case detractorsWithoutFollowUp = "detractors_without_follow_up"
    /// Closed-loop follow-ups still open; `n` is all closed-loop follow-ups.
    case closedLoopOpen = "closed_loop_open"
    /// Median time from creating to completing the closed-loop follow-ups that are done, in seconds.
    case closedLoopCloseMedian = "closed_loop_close_median"
    /// % of the customers active at the start who were lost during the period (whole period only).
    case churn
    /// % of the customers active at the start still active at the end (whole period only).
    case retention

    /// How a value reads.
    public enum Unit: String, Codable, Sendable {
        case points, percent, mean, count, seconds
    }

    /// The unit of the value.
    public var unit: Unit {
        switch self {
        case .nps: .points
        case .csat, .fcr, .reopenRate, .churn, .retention: .percent
        case .ces: .mean
        case .interactions, .casesOpened, .detractorsWithoutFollowUp, .closedLoopOpen: .count
        case .ttrMedian, .ttrP90, .closedLoopCloseMedian: .seconds
        }
    }

    /// A heading, e.g. `TTR median`.
    public var title: String {
        switch self {
        case .nps: "NPS"
        case .csat: "CSAT"
        case .ces: "CES"
        case .interactions: "Interactions"
        case .casesOpened: "Cases opened"
        case .ttrMedian: "TTR median"
        case .ttrP90: "TTR p90"
        case .fcr: "FCR"
        case .reopenRate: "Reopen rate"
        case .detractorsWithoutFollowUp: "Detractors w/o follow-up"
        case .closedLoopOpen: "Closed loop open"
        case .closedLoopCloseMedian: "Closed loop time to close"
        case .churn: "Churn"
        case .retention: "Retention"
        }
    }

    /// Whether the value is an estimate from a sample, so small samples are flagged; counts are exact.
    public var isEstimate: Bool { unit != .count }

    /// Whether the value is a count out of `n` (printed `2/5`) rather than a count that is its own `n`.
    public var isCountOutOfN: Bool { self == .detractorsWithoutFollowUp || self == .closedLoopOpen }

    /// Whether the metric is computed for the whole period only, not per group or trend bucket.
    public var isOverallOnly: Bool { self == .churn || self == .retention }

    /// The metrics computed for every group and trend bucket.
    public static let perGroup: [Metric] = allCases.filter { !$0.isOverallOnly }
}
