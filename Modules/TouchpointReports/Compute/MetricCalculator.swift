import Foundation
import TouchpointModel

/// Computes every per-group metric of a set of facts with the formulas in `Statistics`.
struct MetricCalculator {
    /// Estimates from fewer observations are flagged.
    var threshold: Int

    func figures(_ facts: some Sequence<Fact>) throws(ReportError) -> [Metric: Figure] {
        var scores: [SurveyKind: [Int]] = [:]
        var interactions = 0
        var outcomes: [CaseOutcome] = []
        var resolutions: [(openedAt: Date, resolvedAt: Date?)] = []
        var needingFollowUp = 0, withoutFollowUp = 0
        var loops = 0, loopsOpen = 0
        var closeTimes: [Double] = []
        for fact in facts {
            switch fact.kind {
            case let .answer(kind, score, needsFollowUp, followedUp):
                scores[kind, default: []].append(score)
                if needsFollowUp {
                    needingFollowUp += 1
                    if !followedUp { withoutFollowUp += 1 }
                }
            case .interaction:
                interactions += 1
            case .caseOpened(let outcome):
                outcomes.append(outcome)
            case let .caseResolved(openedAt, resolvedAt):
                resolutions.append((openedAt: openedAt, resolvedAt: resolvedAt))
            case .closedLoop(let followUp):
                loops += 1
                if followUp.status == .open { loopsOpen += 1 }
                if followUp.status == .done, let completedAt = followUp.completedAt {
                    closeTimes.append(completedAt.timeIntervalSince(followUp.createdAt))
                }
            }
        }
        return try Self.checked { () throws(ReportError) -> [Metric: Figure] in
            let nps = try NetPromoterScore(scores: scores[.nps] ?? [])
            let csat = try ProportionEstimate.customerSatisfaction(scores: scores[.csat] ?? [])
            let ces = try CustomerEffortScore(scores: scores[.ces] ?? [])
            let ttr = try ResolutionTimes(cases: resolutions)
            let fcr = try ProportionEstimate.firstContactResolution(cases: outcomes)
            let reopen = try ProportionEstimate.reopenRate(cases: outcomes)
            let close = try ResolutionTimes(durations: closeTimes)
            return [
                .nps: .estimate(nps.score, n: nps.n, interval: nps.waldInterval, threshold: threshold),
                .csat: proportion(csat),
                .ces: .estimate(ces.mean, n: ces.n, threshold: threshold),
                .interactions: .count(interactions),
                .casesOpened: .count(outcomes.count),
                .ttrMedian: .estimate(ttr.median, n: ttr.n, threshold: threshold),
                .ttrP90: .estimate(ttr.p90, n: ttr.n, threshold: threshold),
                .fcr: proportion(fcr),
                .reopenRate: proportion(reopen),
                .detractorsWithoutFollowUp: .count(withoutFollowUp, of: needingFollowUp),
                .closedLoopOpen: .count(loopsOpen, of: loops),
                .closedLoopCloseMedian: .estimate(close.median, n: close.n, threshold: threshold),
            ]
        }
    }

    /// Churn and retention figures from customer counts.
    func retention(_ counts: RetentionCounts) -> [Metric: Figure] {
        [
            .churn: .estimate(counts.churnPercent, n: counts.n, threshold: threshold),
            .retention: .estimate(counts.retentionPercent, n: counts.n, threshold: threshold),
        ]
    }

    private func proportion(_ estimate: ProportionEstimate) -> Figure {
        .estimate(estimate.percent, n: estimate.n, interval: estimate.wilsonInterval, threshold: threshold)
    }

    /// Runs formulas, reporting a record they reject as `invalidData`.
    static func checked<T>(_ body: () throws(ReportError) -> T) throws(ReportError) -> T {
        do {
            return try body()
        } catch {
            throw ReportError(code: .invalidData, message: "cannot compute the report: \(error.message)")
        }
    }
}
