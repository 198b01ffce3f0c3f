import Foundation
import GRDB
import TouchpointModel
import TouchpointRecords

/// The closed loop: a detractor answer (NPS 0–6) or a low CSAT (1–2) opens a
/// follow-up for the agent who owns the answer, written by the server so it
/// reaches that agent on its next pull.
extension PushTransaction {
    /// How long the owning agent has to follow up.
    static let followUpDelay: TimeInterval = 2 * 86_400

    /// Opens the closed-loop follow-up for a feedback answer this push just created.
    ///
    /// Idempotent: an answer that already has a follow-up (`source_feedback_id`) gets no other.
    mutating func closeTheLoop(after change: Change, _ result: MergeResult, clock: inout HybridLogicalClock) throws {
        guard change.entity == .feedback, result.created,
            let state = try table.load(.feedback, change.id, db), !state.isDeleted
        else { return }
        let answer = try FeedbackResponse(id: change.id, fields: state.values)
        guard answer.needsFollowUp else { return }
        let already = try Bool.fetchOne(
            db, sql: "SELECT 1 FROM follow_ups WHERE source_feedback_id = ?", arguments: [answer.id.text])
        guard already != true else { return }

        let owner = try String.fetchOne(
            db, sql: "SELECT owner_agent_id FROM customers WHERE id = ?", arguments: [answer.customerID.text]
        ).flatMap(UUID.init(uuidString:))
        let followUp = try FollowUp(
            customerID: answer.customerID, assigneeAgentID: answer.agentID ?? owner ?? principal.agentID,
            dueAt: now.addingTimeInterval(Self.followUpDelay), note: Self.note(for: answer),
            sourceFeedbackID: answer.id, createdAt: now)

        try? clock.receive(change.maxHLC, now: now)
        let version = clock.tick(now: now)
        let write = Change(
            entity: .followUp, id: followUp.id,
            fields: followUp.fields.keys.sorted().map { FieldChange(name: $0, value: followUp.fields[$0]!, version: version) })
        let merged = try table.merge(write, validate: true, db)
        try log(write, applied: merged.applied, site: clock.site.description)
    }

    /// The follow-up's note, e.g. `Closed loop: NPS 3 — "too slow"`.
    static func note(for answer: FeedbackResponse) -> String {
        let score = "\(answer.kind.rawValue.uppercased()) \(answer.score)"
        guard let comment = answer.comment else { return "Closed loop: \(score)" }
        return "Closed loop: \(score) — \"\(comment)\""
    }
}
