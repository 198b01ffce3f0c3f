import Foundation
import TouchpointModel

/// Records of every entity, every field set (or explicitly null), written by
/// several sites, with fields a newer schema added and a deleted customer: what
/// the record codec must read back exactly, and what both stores digest.
enum PostgresStoreFixture {
    static func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))! }
    static let sites = [SiteID(id(9001)), SiteID(id(9002)), SiteID(id(9003))]
    static let ana = try! Agent(id: id(901), name: "Ana", team: "North", territories: ["north"])
    static let when = Date(timeIntervalSince1970: 1_790_000_000)

    static let north = id(1), south = id(2), gone = id(3), caseID = id(101), interactionID = id(201)

    static var records: [any SyncRecord] {
        [
            try! Customer(
                id: north, name: "Anika Ström", email: "anika@example.com", phone: "+46 70 000", segment: "smb",
                persona: "tech_savvy", lifecycle: .atRisk, territory: "north", ownerAgentID: ana.id, tags: ["vip", "renewal"],
                annualValue: 1_000_000_000_000, currency: "EUR"),
            try! Customer(id: south, name: "Musahib", lifecycle: .prospect, territory: "south"),
            try! Customer(id: gone, name: "Gone", territory: "north"),
            try! Interaction(
                id: interactionID, customerID: north, agentID: ana.id, occurredAt: when, channel: .inPerson,
                touchpoint: "billing", stage: .support, direction: .outbound, sentiment: -2, outcome: .followUp,
                durationSeconds: 600, caseID: caseID, summary: "Called back\nabout the invoice ✓"),
            try! SupportCase(
                id: caseID, customerID: north, subject: "Invoice", status: .resolved, priority: .urgent, ownerAgentID: ana.id,
                openedAt: when, firstResponseAt: when.addingTimeInterval(60), resolvedAt: when.addingTimeInterval(3600),
                reopenCount: 2),
            try! FeedbackResponse(
                id: id(301), customerID: north, interactionID: interactionID, agentID: ana.id, kind: .nps, score: 9,
                comment: "Great", collectedAt: when, channel: .inPerson, touchpoint: "billing", stage: .support, team: "North"),
            try! FollowUp(
                id: id(401), customerID: north, assigneeAgentID: ana.id, dueAt: when, status: .done, note: "Send credit",
                sourceFeedbackID: id(301), createdAt: when, completedAt: when.addingTimeInterval(7200)),
            try! Note(id: id(501), customerID: south, caseID: nil, authorAgentID: ana.id, body: "Prefers email", createdAt: when),
        ]
    }

    /// The records as stored states: each field's version from one of three sites, in turn;
    /// the first customer with two fields a newer schema added; `gone` deleted.
    static var states: [RecordState] {
        records.enumerated().map { offset, record in
            let entity = type(of: record).entity
            var fields: [String: FieldState] = [:]
            for (index, name) in record.fields.keys.sorted().enumerated() {
                let version = FieldVersion(hlc: HLC(rawValue: 1_000_000 + UInt64(offset * 100 + index % 2)), site: sites[index % 3])
                fields[name] = FieldState(value: record.fields[name]!, version: version)
            }
            if record.id == north {
                fields["loyalty_tier"] = FieldState(value: .text("gold \"ω\""), version: FieldVersion(hlc: HLC(rawValue: 7), site: sites[2]))
                fields["visits"] = FieldState(value: .integer(42), version: FieldVersion(hlc: HLC(rawValue: 8), site: sites[1]))
            }
            if record.id == gone {
                fields[tombstoneField] = FieldState(value: .integer(1), version: FieldVersion(hlc: HLC(rawValue: 9_000_000), site: sites[1]))
            }
            return RecordState(entity: entity, id: record.id, fields: fields)
        }
    }
}
