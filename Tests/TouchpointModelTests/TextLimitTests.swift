import Foundation
import Testing
import TouchpointModel

/// Issue 8 item 11: every free-text field has a documented size limit.
@Suite struct TextLimitTests {
    static let short = String(repeating: "s", count: 201)
    static let long = String(repeating: "l", count: 64 * 1024 + 1)
    let customer = UUID()
    let agent = UUID()
    let now = Date(timeIntervalSince1970: 1_750_000_000)

    static let fields = [
        "customer.name", "customer.email", "customer.phone", "customer.segment", "customer.persona", "customer.territory",
        "customer.tags", "case.subject", "interaction.summary", "note.body", "feedback.comment", "feedback.team",
        "follow_up.note",
    ]

    @Test(arguments: fields)
    func freeTextOverItsLimitIsRefused(field: String) {
        let error = #expect(throws: ValidationError.self) { try record(field, short: Self.short, long: Self.long) }
        #expect(error?.field == field)
        #expect(error?.message.contains("at most") == true, "\(String(describing: error))")
    }

    /// Issue 9: SQLite would cut the text at the NUL, so no replica accepts one.
    @Test(arguments: fields)
    func freeTextWithNULIsRefused(field: String) {
        let error = #expect(throws: ValidationError.self) { try record(field, short: "a\u{0}b", long: "a\u{0}b") }
        #expect(error?.field == field)
        #expect(error?.message.contains("NUL") == true, "\(String(describing: error))")
    }

    @Test func freeTextAtItsLimitIsAccepted() throws {
        let name = String(repeating: "n", count: 200)
        let body = String(repeating: "b", count: 64 * 1024)
        _ = try Customer(name: name, email: "\(String(repeating: "e", count: 100))@example.com", territory: name)
        _ = try SupportCase(customerID: customer, subject: name, openedAt: now)
        _ = try Note(customerID: customer, authorAgentID: agent, body: body, createdAt: now)
        _ = try Interaction(
            customerID: customer, agentID: agent, occurredAt: now, channel: .phone, touchpoint: "billing", stage: .support,
            outcome: .resolved, summary: body)
    }

    private func record(_ field: String, short: String, long: String) throws {
        switch field {
        case "customer.name": _ = try Customer(name: short, territory: "north")
        case "customer.email": _ = try Customer(name: "A", email: short + "@example.com", territory: "north")
        case "customer.phone": _ = try Customer(name: "A", phone: short, territory: "north")
        case "customer.segment": _ = try Customer(name: "A", segment: short, territory: "north")
        case "customer.persona": _ = try Customer(name: "A", persona: short, territory: "north")
        case "customer.territory": _ = try Customer(name: "A", territory: short)
        case "customer.tags": _ = try Customer(name: "A", territory: "north", tags: ["vip", short])
        case "case.subject": _ = try SupportCase(customerID: customer, subject: short, openedAt: now)
        case "interaction.summary":
            _ = try Interaction(
                customerID: customer, agentID: agent, occurredAt: now, channel: .phone, touchpoint: "billing",
                stage: .support, outcome: .resolved, summary: long)
        case "note.body": _ = try Note(customerID: customer, authorAgentID: agent, body: long, createdAt: now)
        case "feedback.comment": _ = try FeedbackResponse(customerID: customer, kind: .nps, score: 9, comment: long, collectedAt: now)
        case "feedback.team": _ = try FeedbackResponse(customerID: customer, kind: .nps, score: 9, collectedAt: now, team: short)
        case "follow_up.note": _ = try FollowUp(customerID: customer, assigneeAgentID: agent, dueAt: now, note: long, createdAt: now)
        default: Issue.record("no case for \(field)")
        }
    }
}
