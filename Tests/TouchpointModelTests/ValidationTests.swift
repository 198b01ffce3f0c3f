import Foundation
import Testing
@testable import TouchpointModel

@Suite struct ValidationTests {
    let customer = UUID()
    let agent = UUID()
    let now = Date(timeIntervalSince1970: 1_750_000_000)

    @Test(arguments: [(SurveyKind.nps, 11), (.nps, -1), (.csat, 0), (.csat, 6), (.ces, 0), (.ces, 8)])
    func surveyScoreOutsideItsScaleIsRefused(kind: SurveyKind, score: Int) {
        let error = #expect(throws: ValidationError.self) {
            try FeedbackResponse(customerID: customer, kind: kind, score: score, collectedAt: now)
        }
        #expect(error?.field == "feedback.score")
        #expect(error?.message.contains("got \(score)") == true)
    }

    @Test(arguments: [(SurveyKind.nps, 0), (.nps, 10), (.csat, 1), (.csat, 5), (.ces, 1), (.ces, 7)])
    func surveyScoreOnItsScaleIsAccepted(kind: SurveyKind, score: Int) throws {
        _ = try FeedbackResponse(customerID: customer, kind: kind, score: score, collectedAt: now)
    }

    @Test func npsBucketsAndClosedLoopTrigger() throws {
        let answers = try [0, 6, 7, 8, 9, 10].map {
            try FeedbackResponse(customerID: customer, kind: .nps, score: $0, collectedAt: now)
        }
        #expect(answers.map(\.bucket) == ["detractor", "detractor", "passive", "passive", "promoter", "promoter"])
        #expect(answers.map(\.needsFollowUp) == [true, true, false, false, false, false])
        let lowCSAT = try FeedbackResponse(customerID: customer, kind: .csat, score: 2, collectedAt: now)
        #expect(lowCSAT.needsFollowUp && lowCSAT.bucket == nil)
    }

    @Test func unknownChannelNamesTheAcceptedValues() {
        let error = #expect(throws: ValidationError.self) { try Channel.parse("pigeon") }
        #expect(error?.message.contains("in_person") == true)
        #expect((try? Channel.parse("In-Person")) == .inPerson)
    }

    @Test func emptyCustomerNameIsRefused() {
        let error = #expect(throws: ValidationError.self) { try Customer(name: "  ", territory: "north") }
        #expect(error?.description == "customer.name: must not be empty")
        #expect(throws: ValidationError.self) { try Customer(name: "A", email: "not-an-email", territory: "north") }
        #expect(throws: ValidationError.self) { try Customer(name: "A", territory: "") }
    }

    @Test func caseResolvedBeforeOpenedIsRefused() {
        let error = #expect(throws: ValidationError.self) {
            try SupportCase(customerID: customer, subject: "Router", status: .resolved, openedAt: now,
                            resolvedAt: now.addingTimeInterval(-60))
        }
        #expect(error?.field == "case.resolved_at")
        #expect(throws: ValidationError.self) {
            try SupportCase(customerID: customer, subject: "Router", status: .resolved, openedAt: now)
        }
    }

    @Test func interactionRangesAndTouchpointSlug() throws {
        #expect(throws: ValidationError.self) {
            try Interaction(customerID: customer, agentID: agent, occurredAt: now, channel: .phone,
                            touchpoint: "billing", stage: .support, sentiment: 3, outcome: .resolved)
        }
        #expect(throws: ValidationError.self) {
            try Interaction(customerID: customer, agentID: agent, occurredAt: now, channel: .phone,
                            touchpoint: "bill$", stage: .support, outcome: .resolved)
        }
        let ok = try Interaction(customerID: customer, agentID: agent, occurredAt: now, channel: .chat,
                                 touchpoint: "Report Fault", stage: .support, outcome: .resolved)
        #expect(ok.touchpoint == "report_fault")
    }

    @Test func recordsRoundTripThroughTheirFieldMaps() throws {
        let records: [any SyncRecord] = [
            try Customer(name: "Anika", email: "a@example.com", persona: "tech_savvy", territory: "north", tags: ["vip", "b2b"]),
            try Interaction(customerID: customer, agentID: agent, occurredAt: now, channel: .video, touchpoint: "onboarding",
                            stage: .onboarding, direction: .outbound, sentiment: -1, outcome: .followUp, durationSeconds: 300,
                            summary: "walked through setup"),
            try SupportCase(customerID: customer, subject: "No signal", status: .resolved, priority: .high, openedAt: now,
                            firstResponseAt: now.addingTimeInterval(60), resolvedAt: now.addingTimeInterval(3600), reopenCount: 1),
            try FeedbackResponse(customerID: customer, agentID: agent, kind: .nps, score: 9, comment: "great",
                                 collectedAt: now, channel: .phone, touchpoint: "support", stage: .support, team: "north-1"),
            try FollowUp(customerID: customer, assigneeAgentID: agent, dueAt: now, note: "call back", createdAt: now),
            try Note(customerID: customer, authorAgentID: agent, body: "prefers email", createdAt: now),
        ]
        for record in records {
            let rebuilt = try type(of: record).entity.recordType.init(id: record.id, fields: record.fields)
            #expect(rebuilt.fields == record.fields)
            #expect(Set(record.fields.keys) == Set(type(of: record).fieldNames))
        }
    }

    @Test func missingRequiredFieldIsNamed() {
        let error = #expect(throws: ValidationError.self) { try Customer(id: UUID(), fields: ["territory": .text("n")]) }
        #expect(error?.description == "customer.name: is required")
    }
}
