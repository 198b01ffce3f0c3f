import Foundation
import TouchpointModel

/// One record's contribution to the metrics, already attributed to dimension values and a date.
struct Fact: Sendable {
    enum Kind: Sendable {
        /// A survey answer; `followedUp` when a closed-loop follow-up (not cancelled) points to it.
        case answer(kind: SurveyKind, score: Int, needsFollowUp: Bool, followedUp: Bool)
        case interaction
        /// A case counted in the period it was opened (volume, FCR, reopen rate).
        case caseOpened(CaseOutcome)
        /// A case counted in the period it was resolved (time to resolution).
        case caseResolved(openedAt: Date, resolvedAt: Date)
        /// A follow-up opened by an answer.
        case closedLoop(FollowUp)
    }

    var kind: Kind
    /// The date that places the fact in a period.
    var date: Date
    /// The record the fact comes from (the answer, for a closed-loop follow-up).
    var recordID: UUID
    /// The customer of the record.
    var customerID: UUID
    /// A value for every dimension (``ReportDimension/noValue`` when unknown).
    var keys: [ReportDimension: String]
    /// The attributed agent, so a filter can name an agent by id as well as by name.
    var agentID: UUID?

    /// The value for `dimension`.
    func key(_ dimension: ReportDimension) -> String { keys[dimension] ?? ReportDimension.noValue }

    /// Whether every filter accepts this fact; filters hold lowercased values.
    func matches(_ filters: [ReportDimension: Set<String>]) -> Bool {
        filters.allSatisfy { dimension, accepted in
            accepted.contains(key(dimension).lowercased())
                || (dimension == .agent && agentID.map { accepted.contains($0.lowercasedText) } == true)
        }
    }
}
