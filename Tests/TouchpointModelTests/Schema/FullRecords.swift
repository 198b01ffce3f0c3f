import Foundation
import TouchpointModel

/// One record of every entity with every field set, for tests that check the descriptors.
enum FullRecords {
    static let customerID = UUID(uuidString: "0b6c2f4e-1d3a-4c5b-8e7f-9a0b1c2d3e4f")!
    static let agentID = UUID(uuidString: "5f1e2d3c-4b5a-4697-8877-665544332211")!
    static let caseID = UUID(uuidString: "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d")!
    static let interactionID = UUID(uuidString: "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f")!
    static let feedbackID = UUID(uuidString: "2d3e4f5a-6b7c-4d8e-9fa0-b1c2d3e4f5a6")!
    static let opened = Date(timeIntervalSince1970: 1_750_000_000)

    static func all() throws -> [any SyncRecord] {
        [
            try Customer(
                id: customerID, name: "Anika Rao", email: "anika@example.com", phone: "+49 30 1234", segment: "enterprise",
                persona: "tech_savvy", lifecycle: .atRisk, territory: "north", ownerAgentID: agentID, tags: ["vip", "beta"],
                annualValue: 1_250_000, currency: "EUR", erasedAt: opened.addingTimeInterval(86_400)),
            try Interaction(
                id: interactionID, customerID: customerID, agentID: agentID, occurredAt: opened, channel: .phone,
                touchpoint: "billing", stage: .support, direction: .outbound, sentiment: -1, outcome: .followUp,
                durationSeconds: 300, caseID: caseID, summary: "Double charge in June"),
            try SupportCase(
                id: caseID, customerID: customerID, subject: "Double charge", status: .resolved, priority: .high,
                ownerAgentID: agentID, openedAt: opened, firstResponseAt: opened.addingTimeInterval(600),
                resolvedAt: opened.addingTimeInterval(7200), reopenCount: 1),
            try FeedbackResponse(
                id: feedbackID, customerID: customerID, interactionID: interactionID, agentID: agentID, kind: .nps, score: 4,
                comment: "Slow refund", collectedAt: opened.addingTimeInterval(9000), channel: .phone, touchpoint: "billing",
                stage: .support, team: "emea"),
            try FollowUp(
                customerID: customerID, assigneeAgentID: agentID, dueAt: opened.addingTimeInterval(86_400), status: .done,
                note: "Call back about the refund", sourceFeedbackID: feedbackID, createdAt: opened.addingTimeInterval(9000),
                completedAt: opened.addingTimeInterval(20_000)),
            try Note(
                customerID: customerID, caseID: caseID, authorAgentID: agentID, body: "Refund approved",
                createdAt: opened.addingTimeInterval(10_000)),
        ]
    }
}
