import Foundation
import TouchpointModel
import TouchpointReports

/// A small, known dataset whose figures are computed by hand in the tests' comments.
///
/// Period: 2026-11-02 (Monday, ISO week 45) inclusive to 2026-11-30 (week 49) exclusive:
/// weeks 2026-W45 … 2026-W48.
///
/// Agents: Ana (team North), Ben (team South), Cy (no team).
/// Customers: c1 Anika (tech_savvy, smb, active), c2 Musahib (needs_steps, enterprise, active),
/// c3 Chen (no persona, smb, churned), c4 (smb, prospect), c5 (smb, churned long ago),
/// c6 (tech_savvy, enterprise, active, first seen in November), c7 (enterprise, active, no records).
enum Fixture {
    static let from = date("2026-11-02T00:00")
    static let to = date("2026-11-30T00:00")

    static func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))! }
    static func date(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text + ":00Z")!
    }

    static let ana = try! Agent(id: id(901), name: "Ana", team: "North", territories: ["north"])
    static let ben = try! Agent(id: id(902), name: "Ben", team: "South", territories: ["south"])
    static let cy = try! Agent(id: id(903), name: "Cy", territories: ["north"])

    static let c1 = id(1), c2 = id(2), c3 = id(3), c4 = id(4), c5 = id(5), c6 = id(6), c7 = id(7)
    static let customers = [
        try! Customer(id: c1, name: "Anika", segment: "smb", persona: "tech_savvy", territory: "north"),
        try! Customer(id: c2, name: "Musahib", segment: "enterprise", persona: "needs_steps", territory: "south"),
        try! Customer(id: c3, name: "Chen", segment: "smb", lifecycle: .churned, territory: "north"),
        try! Customer(id: c4, name: "Prospect", segment: "smb", lifecycle: .prospect, territory: "north"),
        try! Customer(id: c5, name: "Old", segment: "smb", lifecycle: .churned, territory: "north"),
        try! Customer(id: c6, name: "New", segment: "enterprise", persona: "tech_savvy", territory: "north"),
        try! Customer(id: c7, name: "Quiet", segment: "enterprise", territory: "south"),
    ]

    static let caseA = id(101), caseB = id(102), caseC = id(103), caseD = id(104), caseE = id(105)
    static let caseF = id(106), caseG = id(107)

    static func interaction(
        _ n: Int, _ customer: UUID, _ agent: Agent, _ when: String, _ channel: Channel, _ touchpoint: String,
        _ stage: JourneyStage, case caseID: UUID? = nil
    ) -> Interaction {
        try! Interaction(
            id: id(200 + n), customerID: customer, agentID: agent.id, occurredAt: date(when), channel: channel,
            touchpoint: touchpoint, stage: stage, outcome: .resolved, caseID: caseID
        )
    }

    /// In the period: i1, i2, i3, i5 phone; i4 email; i6 chat; i9 video — 7 interactions.
    static let interactions = [
        interaction(1, c1, ana, "2026-11-03T09:00", .phone, "billing", .support, case: caseA),
        interaction(2, c1, ana, "2026-11-04T10:00", .phone, "billing", .support, case: caseA),
        interaction(3, c2, ben, "2026-11-05T10:00", .phone, "onboarding", .onboarding, case: caseB),
        interaction(4, c3, cy, "2026-11-10T08:00", .email, "support", .support, case: caseC),
        interaction(5, c2, ben, "2026-11-12T14:00", .phone, "billing", .support),
        interaction(6, c6, ana, "2026-11-17T09:00", .chat, "purchase", .purchase, case: caseD),
        interaction(9, c1, ana, "2026-11-24T11:00", .video, "support", .support),
        // Before the period:
        interaction(7, c3, cy, "2026-10-20T10:00", .email, "support", .support, case: caseE),
        interaction(8, c5, ana, "2026-09-01T10:00", .phone, "renewal", .renewal),
        interaction(10, c1, ana, "2026-10-05T10:00", .phone, "purchase", .purchase),
        interaction(11, c2, ben, "2026-10-08T10:00", .email, "purchase", .purchase),
    ]

    static func supportCase(
        _ caseID: UUID, _ customer: UUID, _ owner: Agent, opened: String, resolved: String?, status: CaseStatus,
        reopened: Int = 0
    ) -> SupportCase {
        try! SupportCase(
            id: caseID, customerID: customer, subject: "case", status: status, ownerAgentID: owner.id,
            openedAt: date(opened), resolvedAt: resolved.map(date), reopenCount: reopened
        )
    }

    /// Opened in the period: A, B, C, D, F, G. Resolved in the period: A (32 h), B (2 h), C (2 h),
    /// E (opened in October, 768 h) and F (1 h).
    static let cases = [
        supportCase(caseA, c1, ana, opened: "2026-11-03T09:00", resolved: "2026-11-04T17:00", status: .resolved),
        supportCase(caseB, c2, ben, opened: "2026-11-05T10:00", resolved: "2026-11-05T12:00", status: .resolved),
        supportCase(caseC, c3, cy, opened: "2026-11-10T08:00", resolved: "2026-11-10T10:00", status: .resolved, reopened: 1),
        supportCase(caseD, c6, ana, opened: "2026-11-17T09:00", resolved: nil, status: .open),
        supportCase(caseE, c3, cy, opened: "2026-10-15T09:00", resolved: "2026-11-16T09:00", status: .closed),
        supportCase(caseF, c2, ben, opened: "2026-11-20T09:00", resolved: "2026-11-20T10:00", status: .resolved),
        supportCase(caseG, c1, ana, opened: "2026-11-25T09:00", resolved: nil, status: .open, reopened: 1),
    ]

    static func answer(
        _ n: Int, _ customer: UUID, _ kind: SurveyKind, _ score: Int, _ when: String, _ channel: Channel?,
        _ touchpoint: String?, _ stage: JourneyStage?, _ agent: Agent?, team: String? = nil, interaction: Int? = nil
    ) -> FeedbackResponse {
        try! FeedbackResponse(
            id: id(300 + n), customerID: customer, interactionID: interaction.map { id(200 + $0) }, agentID: agent?.id,
            kind: kind, score: score, collectedAt: date(when), channel: channel, touchpoint: touchpoint, stage: stage,
            team: team
        )
    }

    static let f4 = id(304), f7 = id(307), g3 = id(323)

    static let feedback = [
        // NPS. f1 carries a team snapshot ("Field East") that differs from Ana's current team.
        answer(1, c1, .nps, 10, "2026-11-03T12:00", .phone, "billing", .support, ana, team: "Field East"),
        answer(2, c1, .nps, 9, "2026-11-04T12:00", .phone, "billing", .support, ana),
        answer(3, c2, .nps, 9, "2026-11-05T13:00", .phone, "onboarding", .onboarding, ben),
        answer(4, c2, .nps, 3, "2026-11-10T09:00", .phone, "billing", .support, ben),
        // No snapshot: everything comes from interaction i4 (email, support, support, Cy).
        answer(5, c3, .nps, 10, "2026-11-10T12:00", nil, nil, nil, nil, interaction: 4),
        answer(6, c3, .nps, 8, "2026-11-11T12:00", .email, "support", .support, cy),
        answer(7, c1, .nps, 0, "2026-11-12T12:00", .email, "billing", .support, ana),
        // Snapshot channel chat wins over the linked interaction i5 (phone); the rest comes from i5.
        answer(8, c2, .nps, 9, "2026-11-12T15:00", .chat, nil, nil, nil, interaction: 5),
        answer(9, c6, .nps, 8, "2026-11-18T12:00", .chat, "purchase", .purchase, ana),
        answer(10, c6, .nps, 7, "2026-11-19T12:00", .chat, "purchase", .purchase, ana),
        answer(11, c1, .nps, 6, "2026-11-24T12:00", .video, "support", .support, ana),
        // Outside the period: exactly at `to` (excluded) and in October.
        answer(12, c1, .nps, 0, "2026-11-30T00:00", .phone, "billing", .support, ana),
        answer(13, c1, .nps, 0, "2026-10-30T12:00", .phone, "billing", .support, ana),
        // CSAT.
        answer(21, c1, .csat, 5, "2026-11-03T13:00", .phone, "billing", .support, ana),
        answer(22, c2, .csat, 4, "2026-11-05T14:00", .phone, "onboarding", .onboarding, ben),
        answer(23, c2, .csat, 2, "2026-11-12T16:00", .phone, "billing", .support, ben),
        answer(24, c3, .csat, 3, "2026-11-11T13:00", .email, "support", .support, cy),
        answer(25, c1, .csat, 5, "2026-11-12T13:00", .email, "billing", .support, ana),
        // CES; h1 exactly at `from` (included).
        answer(31, c1, .ces, 7, "2026-11-02T00:00", .phone, "billing", .support, ana),
        answer(32, c2, .ces, 5, "2026-11-05T15:00", .phone, "onboarding", .onboarding, ben),
        answer(33, c3, .ces, 2, "2026-11-11T14:00", .email, "support", .support, cy),
        answer(34, c1, .ces, 6, "2026-11-17T12:00", .chat, "purchase", .purchase, ana),
    ]

    /// Closed loop: f4 → done after 24 h; f7 → open; g3 → cancelled (still counts as no follow-up);
    /// one follow-up without a source answer (ignored). f11 (NPS 6) has none.
    static let followUps = [
        try! FollowUp(
            id: id(401), customerID: c2, assigneeAgentID: ben.id, dueAt: date("2026-11-12T10:00"), status: .done,
            sourceFeedbackID: f4, createdAt: date("2026-11-10T10:00"), completedAt: date("2026-11-11T10:00")
        ),
        try! FollowUp(
            id: id(402), customerID: c1, assigneeAgentID: ana.id, dueAt: date("2026-11-14T10:00"),
            sourceFeedbackID: f7, createdAt: date("2026-11-12T13:00")
        ),
        try! FollowUp(
            id: id(403), customerID: c2, assigneeAgentID: ben.id, dueAt: date("2026-11-14T10:00"), status: .cancelled,
            sourceFeedbackID: g3, createdAt: date("2026-11-12T17:00")
        ),
        try! FollowUp(
            id: id(404), customerID: c7, assigneeAgentID: ben.id, dueAt: date("2026-11-14T10:00"),
            createdAt: date("2026-11-12T17:00")
        ),
    ]

    static let dataset = ReportDataset(
        customers: customers, interactions: interactions, cases: cases, feedback: feedback, followUps: followUps,
        agents: [ana, ben, cy]
    )

    static func report(
        by: [ReportDimension] = [], filters: [ReportDimension: [String]] = [:], threshold: Int = 30
    ) throws -> ReportResult {
        try ReportEngine.compute(
            ReportRequest(by: by, from: from, to: to, filters: filters, smallSampleThreshold: threshold),
            on: dataset, generatedAt: date("2026-12-01T08:00")
        )
    }
}

/// Whether `value` is within `tolerance` of `expected`.
func isClose(_ value: Double?, _ expected: Double, tolerance: Double = 0.005) -> Bool {
    guard let value else { return false }
    return abs(value - expected) <= tolerance
}
