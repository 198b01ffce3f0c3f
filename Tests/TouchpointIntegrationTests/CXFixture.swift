import Foundation
import TouchpointModel
import TouchpointStore

/// A small CX dataset whose figures are computed by hand below, written by one agent (Ada).
///
/// Period: 2025-03-03 (inclusive) to 2025-03-31 (exclusive). Customers: c1 (tech_savvy, smb,
/// active since February), c2 (written_steps, enterprise, joins in March), c3 (busy_executive,
/// smb, churned: active since February, last seen 03-10), c4 (no records: active throughout).
enum CXFixture {
    static let from = date("2025-03-03T00:00:00Z")
    static let to = date("2025-03-31T00:00:00Z")

    // NPS: phone 10, 9, 6, 3; email 10; chat 7, 8 — overall n = 7, 3 promoters, 2 detractors.
    static let npsOverall = (3.0 - 2.0) / 7.0 * 100  // 14.2857…
    // V = p + d − (p − d)² = 5/7 − 1/49 = 34/49; MoE = 1.96·√(V/n)·100.
    static let npsMarginOverall = 1.96 * ((34.0 / 49.0) / 7.0).squareRoot() * 100  // 61.71…
    // Phone: p = d = ½ → NPS 0, V = 1, MoE = 1.96·√(1/4)·100 = 98.
    static let npsMarginPhone = 98.0
    // CSAT 5, 4, 2 → 2 of 3 are 4–5.
    static let csat = 2.0 / 3.0 * 100
    // CES 3, 6.
    static let ces = 4.5
    // Resolved cases: 2 h, 4 h, 4 h (a tie), 10 h. Median of the tie = 4 h;
    // p90 (linear interpolation): rank 0.9·3 = 2.7 → 4 h + 0.7·(10 h − 4 h) = 8.2 h.
    static let ttrMedian = 4.0 * 3600
    static let ttrP90 = 8.2 * 3600
    // FCR: A (1 contact) yes, B (2 contacts) no, C (reopened) no, D (no contact logged) yes → 2/4.
    static let fcr = 50.0
    static let reopen = 25.0
    // Churn: active at start c1, c3, c4 → 3; lost c3 → 1/3. Retention: (end 3 − new 1) / 3.
    static let churn = 100.0 / 3
    static let retention = 200.0 / 3
    /// Answers that call for a follow-up: NPS 6, NPS 3, CSAT 2.
    static let detractors = 3
    // Annual values: c1 2400.00 EUR, c2 15000.00 USD, c3 900.00 EUR, c4 none. Lifetime: 1 of 3 lost in
    // 28 days → 3·28/365.25 years. CLV EUR = mean(240,000, 90,000) = 165,000 cents × that; USD 1,500,000 × that.
    static let lifetimeYears = 84 / 365.25
    static let clvEUR = 165_000 * lifetimeYears
    static let clvUSD = 1_500_000 * lifetimeYears
    // At risk: c1, whose latest NPS answer is the 6 of 03-06 (c3's 3 does not count: churned; c2's latest is a 10).
    static let revenueAtRiskEUR = 240_000.0

    static func date(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    /// Writes the dataset into Ada's laptop (territory `north`).
    static func write(to store: AgentStore, agent ada: UUID) throws {
        let c1 = try Customer(
            name: "Anika", segment: "smb", persona: "tech_savvy", territory: "north", ownerAgentID: ada, annualValue: 240_000,
            currency: "EUR")
        let c2 = try Customer(
            name: "Musahib", segment: "enterprise", persona: "written_steps", territory: "north", ownerAgentID: ada,
            annualValue: 1_500_000, currency: "USD")
        let c3 = try Customer(
            name: "Carla", segment: "smb", persona: "busy_executive", lifecycle: .churned, territory: "north", ownerAgentID: ada,
            annualValue: 90_000, currency: "EUR")
        let c4 = try Customer(name: "Dmitri", segment: "enterprise", persona: "tech_savvy", territory: "north", ownerAgentID: ada)

        func at(_ day: Int, _ hour: Int = 9) -> Date { date(String(format: "2025-03-%02dT%02d:00:00Z", day, hour)) }
        func hours(_ h: Double, after d: Date) -> Date { d.addingTimeInterval(h * 3600) }
        let caseA = try SupportCase(customerID: c1.id, subject: "Router", status: .resolved, ownerAgentID: ada, openedAt: at(4), resolvedAt: hours(2, after: at(4)))
        let caseB = try SupportCase(customerID: c1.id, subject: "Invoice", status: .resolved, ownerAgentID: ada, openedAt: at(5), resolvedAt: hours(4, after: at(5)))
        let caseC = try SupportCase(
            customerID: c2.id, subject: "Setup", status: .resolved, ownerAgentID: ada, openedAt: at(10), resolvedAt: hours(4, after: at(10)),
            reopenCount: 1)
        let caseD = try SupportCase(customerID: c2.id, subject: "Access", status: .resolved, ownerAgentID: ada, openedAt: at(14, 8), resolvedAt: hours(10, after: at(14, 8)))
        let caseE = try SupportCase(customerID: c3.id, subject: "Complaint", ownerAgentID: ada, openedAt: at(10))

        func contact(_ c: Customer, _ when: Date, _ channel: Channel, _ touchpoint: String, _ stage: JourneyStage, _ supportCase: SupportCase? = nil) throws -> Interaction {
            try Interaction(
                customerID: c.id, agentID: ada, occurredAt: when, channel: channel, touchpoint: touchpoint, stage: stage,
                outcome: .resolved, caseID: supportCase?.id)
        }
        let i1 = try contact(c1, at(4), .phone, "support", .support, caseA)
        let i2 = try contact(c1, at(5), .phone, "billing", .support, caseB)
        let i3 = try contact(c1, at(6), .email, "billing", .support, caseB)
        let i4 = try contact(c2, at(10), .chat, "onboarding", .onboarding, caseC)
        let i5 = try contact(c2, at(12), .email, "purchase", .purchase)
        let i6 = try contact(c3, at(10), .phone, "complaint", .support, caseE)
        let before1 = try contact(c1, date("2025-02-10T09:00:00Z"), .phone, "purchase", .purchase)
        let before3 = try contact(c3, date("2025-02-15T09:00:00Z"), .email, "purchase", .purchase)

        func answer(_ c: Customer, _ kind: SurveyKind, _ score: Int, _ rated: Interaction, day: Int) throws -> FeedbackResponse {
            try FeedbackResponse(
                customerID: c.id, interactionID: rated.id, agentID: ada, kind: kind, score: score, collectedAt: at(day, 18),
                channel: rated.channel, touchpoint: rated.touchpoint, stage: rated.stage)
        }
        let answers = [
            try answer(c1, .nps, 10, i1, day: 4), try answer(c1, .nps, 9, i2, day: 5), try answer(c1, .nps, 6, i2, day: 6),
            try answer(c3, .nps, 3, i6, day: 10), try answer(c2, .nps, 10, i5, day: 12), try answer(c2, .nps, 7, i4, day: 10),
            try answer(c2, .nps, 8, i4, day: 11), try answer(c1, .csat, 5, i1, day: 4), try answer(c2, .csat, 4, i4, day: 11),
            try answer(c3, .csat, 2, i6, day: 10), try answer(c2, .ces, 3, i5, day: 12), try answer(c2, .ces, 6, i5, day: 13),
        ]
        let records: [any SyncRecord] = [c1, c2, c3, c4, caseA, caseB, caseC, caseD, caseE, i1, i2, i3, i4, i5, i6, before1, before3]
        try store.create(records + answers)
    }
}
