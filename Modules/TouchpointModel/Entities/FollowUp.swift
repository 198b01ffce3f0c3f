import Foundation

/// A follow-up task for an agent: call back, send the steps, close the loop on a detractor.
public struct FollowUp: SyncRecord, Codable {
    public static let entity = EntityType.followUp
    public static let descriptor = EntityDescriptor(
        "follow_up", summary: "A task for an agent: call back, send the steps, close the loop on a detractor.",
        fields: [
            FieldDescriptor("customer_id", .reference("customer"), required: true, help: "The customer it is for."),
            FieldDescriptor(
                "assignee_agent_id", .reference("agent"), required: true, default: .author,
                help: "The agent who should do it (default: the writing agent)."),
            FieldDescriptor("due_at", .time, required: true, help: "When it is due."),
            FieldDescriptor(
                "status", .vocabulary(FollowUpStatus.self), required: true,
                default: .whenSet(
                    field: "completed_at", then: .text(FollowUpStatus.done.rawValue), otherwise: .text(FollowUpStatus.open.rawValue)),
                help: "Where it stands; a done follow-up has completed_at."),
            FieldDescriptor("note", .text(.long), personal: true, help: "What to do."),
            FieldDescriptor(
                "source_feedback_id", .reference("feedback"), help: "The survey answer that opened it (closed loop)."),
            FieldDescriptor("created_at", .time, required: true, help: "When it was created."),
            FieldDescriptor("completed_at", .time, help: "When it was done."),
        ],
        groups: [["status", "completed_at"]],
        rules: ["A `done` follow-up has `completed_at`.", "`completed_at` is not before `created_at`."])

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
        try Self.descriptor.check(fields)
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
