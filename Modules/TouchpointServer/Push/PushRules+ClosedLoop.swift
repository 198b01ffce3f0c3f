import Foundation
import TouchpointModel
import TouchpointRecords

/// The closed loop: a detractor answer (NPS 0–6) or a low CSAT (1–2) opens a
/// follow-up for the agent who owns the answer, written by the server so it
/// reaches that agent on its next pull.
extension PushRules {
    /// How long the owning agent has to follow up.
    static let followUpDelay: TimeInterval = 2 * 86_400

    /// Opens the closed-loop follow-up for a feedback answer this push just created.
    ///
    /// Idempotent: an answer that already has a follow-up (`source_feedback_id`) gets no other.
    func closeTheLoop(after change: Change, merged state: RecordState, created: Bool, into staged: inout Staged) throws {
        guard change.entity == .feedback, created, !state.isDeleted, !followedUp.contains(change.id) else { return }
        let answer = try FeedbackResponse(id: change.id, fields: state.values)
        guard answer.needsFollowUp else { return }
        let owner = (staged.state(.customer, answer.customerID) ?? records[.customer]?[answer.customerID])?
            .fields["owner_agent_id"]?.value.text.flatMap { UUID(text: $0) }
        let followUp = try FollowUp(
            customerID: answer.customerID, assigneeAgentID: answer.agentID ?? owner ?? principal.agentID,
            dueAt: now.addingTimeInterval(Self.followUpDelay), note: Self.note(for: answer),
            sourceFeedbackID: answer.id, createdAt: now)

        try? staged.clock.receive(change.maxHLC, now: now)
        let version = staged.clock.tick(now: now)
        let write = Change(
            entity: .followUp, id: followUp.id,
            fields: followUp.fields.keys.sorted().map { FieldChange(name: $0, value: followUp.fields[$0]!, version: version) })
        var created: RecordState?
        let merged = try RecordTable.merge(write, into: &created, validate: true)
        if let created { staged.states.append(created) }
        log(write, applied: merged.applied, territory: try territory(of: answer, staged: staged), site: staged.clock.site, into: &staged)
    }

    /// The territory a follow-up of an answer goes to: its customer's.
    private func territory(of answer: FeedbackResponse, staged: Staged) throws -> String {
        guard let territory = territory(ofCustomer: answer.customerID.lowercasedText, staged: staged) else {
            throw StoreError(kind: .invalid, message: "feedback \(answer.id.lowercasedText): its customer is unknown")
        }
        return territory
    }

    /// The follow-up's note, e.g. `Closed loop: NPS 3 — "too slow"`.
    static func note(for answer: FeedbackResponse) -> String {
        let score = "\(answer.kind.rawValue.uppercased()) \(answer.score)"
        guard let comment = answer.comment else { return "Closed loop: \(score)" }
        return "Closed loop: \(score) — \"\(comment)\""
    }
}
