import Foundation
import TouchpointModel
import TouchpointStore

/// Realistic CX records for one agent: customers with personas and segments, interactions on
/// every channel across the journey, cases with resolution times and reopens, and survey
/// answers (detractors included). Seeded, so every run tells the same story.
struct DemoData {
    var random: SeededRandom
    let now: Date
    /// Annual values come from a generator of their own, so adding them left the rest of the story as it was.
    var values = SeededRandom(seed: 4217)

    static let personas = ["tech_savvy", "written_steps", "busy_executive"]
    static let segments = ["smb", "enterprise", "consumer"]
    /// Touchpoint → the journey stage it usually happens at.
    static let touchpoints: [(String, JourneyStage)] = [
        ("product_demo", .consideration), ("purchase", .purchase), ("onboarding", .onboarding), ("setup", .usage),
        ("support", .support), ("billing", .support), ("complaint", .support), ("renewal", .renewal),
        ("referral", .advocacy),
    ]

    /// Writes `customers` customers with their history to the laptop, as `agent`.
    mutating func populate(_ store: AgentStore, agent: Agent, territory: String, names: [String]) throws {
        for name in names {
            let persona = random.pick(Self.personas)
            let churned = random.chance(0.12)
            var customer = try Customer(
                name: name, email: name.lowercased().replacingOccurrences(of: " ", with: ".") + "@example.com",
                phone: "+44 20 7946 \(random.int(1000...9999))", segment: random.pick(Self.segments), persona: persona,
                lifecycle: churned ? .churned : random.chance(0.15) ? .atRisk : .active, territory: territory,
                ownerAgentID: agent.id, tags: [persona == "busy_executive" ? "vip" : "standard"])
            (customer.annualValue, customer.currency) = annualValue(segment: customer.segment)
            var records: [any SyncRecord] = [customer]
            for _ in 0..<random.int(3...6) {
                records += try journeyStep(for: customer, persona: persona, agent: agent)
            }
            try store.create(records, now: Date())
        }
    }

    /// What a customer of `segment` is worth a year, in minor units: enterprise and SMB in euros,
    /// consumers in pounds; one in ten has no value on record.
    private mutating func annualValue(segment: String?) -> (Int64?, String?) {
        guard !values.chance(0.1) else { return (nil, nil) }
        switch segment {
        case "enterprise": return (Int64(values.int(180...900)) * 10_000, "EUR")
        case "smb": return (Int64(values.int(24...120)) * 10_000, "EUR")
        default: return (Int64(values.int(12...90)) * 1_000, "GBP")
        }
    }

    /// One contact: an interaction, maybe a case around it, maybe a survey answer.
    private mutating func journeyStep(for customer: Customer, persona: String, agent: Agent) throws -> [any SyncRecord] {
        let (touchpoint, stage) = random.pick(Self.touchpoints)
        let channel = preferredChannel(persona)
        let at = now.addingTimeInterval(-Double(random.int(5 * 86_400...(11 * 7 * 86_400))))
        let troubled = ["complaint", "billing", "support"].contains(touchpoint)
        var records: [any SyncRecord] = []
        var caseID: UUID?
        if troubled || random.chance(0.2) {
            let hours = Double(random.int(troubled ? 4...96 : 1...24))  // contacts are at least 5 days old, so all of this is past
            let resolved = at.addingTimeInterval(hours * 3600) < now && random.chance(0.85)
            let supportCase = try SupportCase(
                customerID: customer.id, subject: "\(touchpoint.replacingOccurrences(of: "_", with: " ").capitalized) request",
                status: resolved ? .resolved : .open, priority: troubled ? .high : .normal, ownerAgentID: agent.id,
                openedAt: at, firstResponseAt: at.addingTimeInterval(900),
                resolvedAt: resolved ? at.addingTimeInterval(hours * 3600) : nil,
                reopenCount: resolved && random.chance(0.2) ? 1 : 0)
            caseID = supportCase.id
            records.append(supportCase)
            if random.chance(0.3) {  // a second contact on the same case: not first-contact resolution
                records.append(
                    try Interaction(
                        customerID: customer.id, agentID: agent.id, occurredAt: at.addingTimeInterval(hours * 1800),
                        channel: .email, touchpoint: touchpoint, stage: stage, direction: .outbound,
                        outcome: .followUp, durationSeconds: 300, caseID: supportCase.id, summary: "Chased an update"))
            }
        }
        let interaction = try Interaction(
            customerID: customer.id, agentID: agent.id, occurredAt: at, channel: channel, touchpoint: touchpoint,
            stage: stage, direction: random.chance(0.7) ? .inbound : .outbound, sentiment: troubled ? random.int(-2...0) : random.int(-1...2),
            outcome: caseID == nil ? .resolved : random.pick([.resolved, .followUp, .escalated]),
            durationSeconds: random.int(120...2_400), caseID: caseID, summary: "\(touchpoint) via \(channel.rawValue)")
        records.append(interaction)
        if random.chance(0.75) {
            let kind = random.pick([SurveyKind.nps, .nps, .csat, .ces])
            records.append(
                try FeedbackResponse(
                    customerID: customer.id, interactionID: interaction.id, agentID: agent.id, kind: kind,
                    score: score(kind, troubled: troubled, persona: persona),
                    comment: troubled && random.chance(0.5) ? "Took too long to sort out" : nil,
                    collectedAt: at.addingTimeInterval(3_600), channel: channel, touchpoint: touchpoint, stage: stage,
                    team: agent.team))
        }
        return records
    }

    private mutating func preferredChannel(_ persona: String) -> Channel {
        switch persona {
        case "tech_savvy": random.pick([.chat, .video, .web, .social, .email])
        case "written_steps": random.pick([.email, .email, .web, .inPerson, .other])
        default: random.pick([.phone, .phone, .inPerson, .email, .video])
        }
    }

    private mutating func score(_ kind: SurveyKind, troubled: Bool, persona: String) -> Int {
        let mood = troubled ? -1 : persona == "tech_savvy" ? 1 : 0
        switch kind {
        case .nps: return min(10, max(0, random.int(5...10) + mood * random.int(0...4)))
        case .csat: return min(5, max(1, random.int(3...5) + mood * random.int(0...2)))
        case .ces: return min(7, max(1, random.int(4...7) + mood * random.int(0...2)))
        }
    }
}

