import Foundation
import TouchpointModel
import TouchpointProtocol

/// Deterministic sample data shared by the tests, the vector generator and the compactness figures.
enum Samples {
    static let agentSite = SiteID(UUID(uuidString: "6f1c2a7e-3b9d-4e51-8a0c-2d4f6b8e1a35")!)
    static let serverSite = SiteID(UUID(uuidString: "0b5e9c3d-71a4-4f28-9d6e-c8a1f3b2e704")!)
    static let agentID = UUID(uuidString: "a3d8f1c6-5e2b-47a9-b0d4-9c7e1f3a6b58")!
    static let customerID = UUID(uuidString: "c4e1b7a2-9f3d-4c65-8e0b-1a2d3f4e5b6c")!

    /// 2024-05-14T09:30:00Z as an HLC with logical counter `logical`.
    static func hlc(_ offsetMs: UInt64 = 0, logical: UInt16 = 0) -> HLC {
        HLC(physical: 1_715_679_000_000 + offsetMs, logical: logical)
    }

    /// Deterministic UUID number `n`.
    static func uuid(_ n: Int, prefix: UInt8 = 0x10) -> UUID {
        var bytes: [UInt8] = Array(repeating: 0, count: 16)
        bytes[0] = prefix
        bytes[6] = 0x40
        bytes[8] = 0x80
        withUnsafeBytes(of: UInt64(n).bigEndian) { bytes.replaceSubrange(8..<16, with: $0) }
        bytes[8] = 0x80 | (bytes[8] & 0x3F)
        return UUID(uuid: (
            bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
            bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
        ))
    }

    static let channels = ["phone", "email", "chat", "in_person", "video"]
    static let touchpoints = ["billing", "support", "onboarding", "renewal", "complaint"]
    static let stages = ["support", "onboarding", "renewal", "usage", "purchase"]
    static let outcomes = ["resolved", "follow_up", "escalated", "no_action"]
    static let words = """
        customer asked about the invoice plan renewal seats quote export settings callback wait \
        times phone line onboarding session training admin password reset billing address card \
        declined refund partial credit applied escalated to tier two engineer bug report mobile \
        app crash sync offline laptop follow up next week manager satisfied unhappy churn risk \
        discount annual contract migration data import csv template shared walked through
        """.split(separator: " ").map(String.init)

    /// A free-text summary, different for every record (as real notes are); nil for one in five.
    static func summary(_ n: Int) -> String? {
        guard n % 5 != 4 else { return nil }
        var state = UInt64(n) &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let count = 8 + n % 9
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return words[Int(state >> 33) % words.count]
        }.joined(separator: " ").capitalized(firstOnly: true) + "."
    }

    /// A typical new interaction record as its first change: 12 fields stamped
    /// by one edit (one HLC, one site), no bases.
    static func interaction(_ n: Int, site: SiteID = agentSite) -> Change {
        let version = FieldVersion(hlc: hlc(UInt64(n) * 60_000), site: site)
        let values: [(String, FieldValue)] = [
            ("customer_id", .id(uuid(n % 7, prefix: 0xC0))),
            ("agent_id", .id(agentID)),
            ("occurred_at", .integer(Int64(1_715_679_000_000 + n * 60_000))),
            ("channel", .text(channels[n % channels.count])),
            ("touchpoint", .text(touchpoints[n % touchpoints.count])),
            ("stage", .text(stages[n % stages.count])),
            ("direction", .text(n % 3 == 0 ? "outbound" : "inbound")),
            ("sentiment", .integer(Int64(n % 5) - 2)),
            ("outcome", .text(outcomes[n % outcomes.count])),
            ("duration_seconds", .integer(Int64(120 + (n * 37) % 900))),
            ("case_id", n % 4 == 0 ? .id(uuid(n, prefix: 0xCA)) : .null),
            ("summary", .text(summary(n))),
        ]
        return Change(
            entity: .interaction,
            id: uuid(n, prefix: 0x1A),
            fields: values.map { FieldChange(name: $0.0, value: $0.1, version: version) }
        )
    }

    /// An edit of an existing customer: two fields, each over a base version, and a
    /// third with a version of its own (another site's, no base).
    static func customerEdit(_ n: Int) -> Change {
        let base = FieldVersion(hlc: hlc(1000, logical: 3), site: serverSite)
        let version = FieldVersion(hlc: hlc(5_000 + UInt64(n), logical: 1), site: agentSite)
        return Change(entity: .customer, id: customerID, fields: [
            FieldChange(name: "lifecycle", value: .text("at_risk"), version: version, base: base),
            FieldChange(name: "segment", value: .text("enterprise"), version: version, base: base),
            FieldChange(name: "persona", value: .text("champion"), version: FieldVersion(hlc: hlc(6_000), site: serverSite)),
        ])
    }

    static let caseID = UUID(uuidString: "ca5e0001-4b7d-4c2e-9f10-3a5b7c9d1e2f")!
    static let interactionID = UUID(uuidString: "1a7e0001-8c3d-4e5f-a617-2b3c4d5e6f70")!
    static let feedbackID = UUID(uuidString: "fb000001-2d4e-4f60-8a1b-3c5d7e9f1a2b")!

    /// A record of `entity` with every field of its schema set (none null), valid for the domain rules.
    static func everyField(_ entity: EntityType) -> (id: UUID, fields: [String: FieldValue]) {
        let at = { (minutes: Double) in Date(timeIntervalSince1970: 1_715_679_000 + minutes * 60) }
        do {
            switch entity {
            case .customer:
                let customer = try Customer(
                    id: customerID, name: "Anika Rao", email: "anika@example.com", phone: "+44 20 7946 0958",
                    segment: "enterprise", persona: "champion", lifecycle: .active, territory: "north",
                    ownerAgentID: agentID, tags: ["vip", "renewal_q3"], annualValue: 4_800_000, currency: "EUR",
                    erasedAt: Date(timeIntervalSince1970: 1_751_000_000))
                return (customer.id, customer.fields)
            case .interaction:
                let interaction = try Interaction(
                    id: interactionID, customerID: customerID, agentID: agentID, occurredAt: at(0), channel: .phone,
                    touchpoint: "billing", stage: .support, direction: .inbound, sentiment: -1, outcome: .followUp,
                    durationSeconds: 420, caseID: caseID, summary: "Disputed the May invoice; credit promised.")
                return (interaction.id, interaction.fields)
            case .supportCase:
                let supportCase = try SupportCase(
                    id: caseID, customerID: customerID, subject: "Invoice dispute", status: .resolved, priority: .high,
                    ownerAgentID: agentID, openedAt: at(-120), firstResponseAt: at(-90), resolvedAt: at(30), reopenCount: 1)
                return (supportCase.id, supportCase.fields)
            case .feedback:
                let feedback = try FeedbackResponse(
                    id: feedbackID, customerID: customerID, interactionID: interactionID, agentID: agentID, kind: .nps,
                    score: 6, comment: "Slow to sort out", collectedAt: at(60), channel: .phone, touchpoint: "billing",
                    stage: .support, team: "Field North")
                return (feedback.id, feedback.fields)
            case .followUp:
                let followUp = try FollowUp(
                    id: UUID(uuidString: "f0110001-6a7b-4c8d-9e0f-1a2b3c4d5e6f")!, customerID: customerID,
                    assigneeAgentID: agentID, dueAt: at(2_940), status: .done, note: "Closed loop: NPS 6",
                    sourceFeedbackID: feedbackID, createdAt: at(60), completedAt: at(1_500))
                return (followUp.id, followUp.fields)
            case .note:
                let note = try Note(
                    id: UUID(uuidString: "11111111-2222-4333-8444-555555555555")!, customerID: customerID, caseID: caseID,
                    authorAgentID: agentID, body: "Called back", createdAt: at(0))
                return (note.id, note.fields)
            }
        } catch {
            fatalError("sample \(entity.rawValue) is invalid: \(error)")
        }
    }

    /// A new record of `entity` as its author pushes it: every field, one version, no bases.
    static func creation(_ entity: EntityType) -> Change {
        let (id, fields) = everyField(entity)
        let version = FieldVersion(hlc: hlc(60_000, logical: 2), site: agentSite)
        return Change(entity: entity, id: id, fields: fields.keys.sorted().map {
            FieldChange(name: $0, value: fields[$0]!, version: version)
        })
    }

    /// A whole record as the server sends it when it enters an agent's scope: every field
    /// with the version it has (two sites here), each a replay (base equal to version).
    static func wholeRecord(_ entity: EntityType) -> Change {
        let (id, fields) = everyField(entity)
        let created = FieldVersion(hlc: hlc(1000, logical: 3), site: serverSite)
        let edited = FieldVersion(hlc: hlc(5_000, logical: 1), site: agentSite)
        return Change(entity: entity, id: id, fields: fields.keys.sorted().map { name in
            let version = ["lifecycle", "phone", "tags"].contains(name) ? edited : created
            return FieldChange(name: name, value: fields[name]!, version: version, base: version)
        })
    }

    /// A delete of the sample case: the tombstone, then every field its author had seen (base = version, no value).
    static func caseDeletion() -> Change {
        let created = creation(.supportCase)
        let version = FieldVersion(hlc: hlc(120_000), site: agentSite)
        let tombstone = FieldChange(name: tombstoneField, value: .integer(1), version: version)
        return Change(entity: .supportCase, id: created.id, fields: [tombstone] + created.fields.map {
            FieldChange(name: $0.name, value: .null, version: $0.version, base: $0.version)
        })
    }

    static func interactions(_ count: Int, firstSequence: UInt64 = 1) -> [SequencedChange] {
        (0..<count).map { SequencedChange(sequence: firstSequence + UInt64($0), change: interaction($0)) }
    }
}

extension String {
    fileprivate func capitalized(firstOnly: Bool) -> String {
        prefix(1).uppercased() + dropFirst()
    }
}
