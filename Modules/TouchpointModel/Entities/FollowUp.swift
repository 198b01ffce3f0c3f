import Foundation

/// A follow-up task for an agent: call back, send the steps, close the loop on a detractor.
public struct FollowUp: SyncRecord, Codable {
    public static let entity = EntityType.followUp
    public static let fieldNames = [
        "customer_id", "assignee_agent_id", "due_at", "status", "note", "source_feedback_id", "created_at",
        "completed_at",
    ]

    public var id: UUID
    public var customerID: UUID
    public var assigneeAgentID: UUID
    public var dueAt: Date
    public var status: FollowUpStatus
    public var note: String?
    /// The survey answer that opened this follow-up (closed loop), if any.
    public var sourceFeedbackID: UUID?
    public var createdAt: Date
    public var completedAt: Date?

    /// Creates and validates a follow-up.
    public init(
        id: UUID = UUID(), customerID: UUID, assigneeAgentID: UUID, dueAt: Date, status: FollowUpStatus = .open,
        note: String? = nil, sourceFeedbackID: UUID? = nil, createdAt: Date, completedAt: Date? = nil
    ) throws {
        self.id = id
        self.customerID = customerID
        self.assigneeAgentID = assigneeAgentID
        self.dueAt = dueAt
        self.status = status
        self.note = note?.nonEmpty
        self.sourceFeedbackID = sourceFeedbackID
        self.createdAt = createdAt
        self.completedAt = completedAt
        try validate()
    }

    public func validate() throws {
        try TextLimit.long(note, "follow_up.note")
        if status == .done {
            try require(completedAt != nil, "follow_up.completed_at", "is required when the follow-up is done")
        }
        if let completedAt {
            try require(completedAt >= createdAt, "follow_up.completed_at", "cannot precede creation")
        }
    }

    public var fields: [String: FieldValue] {
        [
            "customer_id": .id(customerID), "assignee_agent_id": .id(assigneeAgentID), "due_at": .date(dueAt),
            "status": .text(status.rawValue), "note": .text(note), "source_feedback_id": .id(sourceFeedbackID),
            "created_at": .date(createdAt), "completed_at": .date(completedAt),
        ]
    }

    public init(id: UUID, fields: [String: FieldValue]) throws {
        let r = FieldReader(.followUp, fields)
        try self.init(
            id: id, customerID: r.id("customer_id"), assigneeAgentID: r.id("assignee_agent_id"), dueAt: r.date("due_at"),
            status: r.vocabulary("status", FollowUpStatus.self), note: r.optionalText("note"),
            sourceFeedbackID: r.optionalID("source_feedback_id"), createdAt: r.date("created_at"),
            completedAt: r.optionalDate("completed_at")
        )
    }
}
