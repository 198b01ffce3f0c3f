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
    static let summaries = [
        "Customer asked why the March invoice doubled; explained the annual plan proration.",
        "Walked through the export settings, sent the help-centre article.",
        "Complained about wait times on the phone line; offered a callback slot.",
        "Renewal call: wants a quote for 20 more seats before Friday.",
        nil,
    ]

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
            ("summary", .text(summaries[n % summaries.count])),
        ]
        return Change(
            entity: .interaction,
            id: uuid(n, prefix: 0x1A),
            fields: values.map { FieldChange(name: $0.0, value: $0.1, version: version) }
        )
    }

    /// An edit of an existing customer: two fields, each over a base version.
    static func customerEdit(_ n: Int) -> Change {
        let base = FieldVersion(hlc: hlc(1000, logical: 3), site: serverSite)
        let version = FieldVersion(hlc: hlc(5_000 + UInt64(n), logical: 1), site: agentSite)
        return Change(entity: .customer, id: customerID, fields: [
            FieldChange(name: "lifecycle_stage", value: .text("at_risk"), version: version, base: base),
            FieldChange(name: "segment", value: .text("enterprise"), version: version, base: base),
            FieldChange(name: "score", value: .real(0.75), version: FieldVersion(hlc: hlc(6_000), site: serverSite)),
        ])
    }

    static func interactions(_ count: Int, firstSequence: UInt64 = 1) -> [SequencedChange] {
        (0..<count).map { SequencedChange(sequence: firstSequence + UInt64($0), change: interaction($0)) }
    }
}
