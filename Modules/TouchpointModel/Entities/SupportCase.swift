import Foundation

/// A support case (ticket) and its resolution timeline.
public struct SupportCase: SyncRecord, Codable {
    public static let entity = EntityType.supportCase
    public static let descriptor = EntityDescriptor(
        "case", summary: "A support case (ticket) and its resolution timeline.",
        fields: [
            FieldDescriptor("customer_id", .reference("customer"), required: true, help: "The customer it is for."),
            FieldDescriptor("subject", .text(.short), required: true, personal: true, help: "What the case is about."),
            FieldDescriptor(
                "status", .vocabulary(CaseStatus.self), required: true,
                default: .whenSet(field: "resolved_at", then: .text(CaseStatus.resolved.rawValue), otherwise: .text(CaseStatus.open.rawValue)),
                help: "Where the case stands; resolved and closed cases have resolved_at, open and pending ones do not."),
            FieldDescriptor(
                "priority", .vocabulary(CasePriority.self), required: true,
                default: .value(.text(CasePriority.normal.rawValue)), help: "How urgent."),
            FieldDescriptor("owner_agent_id", .reference("agent"), help: "Owning agent's id."),
            FieldDescriptor("opened_at", .time, required: true, help: "When it was opened."),
            FieldDescriptor("first_response_at", .time, help: "When the customer first got an answer."),
            FieldDescriptor("resolved_at", .time, help: "When it was resolved (cleared on reopen)."),
            FieldDescriptor(
                "reopen_count", .integer(0...Int64.max), required: true, default: .value(.integer(0)),
                help: "How many times it was reopened."),
        ],
        groups: [["status", "resolved_at"]],
        rules: [
            "`resolved_at` and `first_response_at` are not before `opened_at`.",
            "`resolved` and `closed` cases have `resolved_at`; `open` and `pending` cases do not.",
        ])

    public var id: UUID
    public var customerID: UUID
    public var subject: String
    public var status: CaseStatus
    public var priority: CasePriority
    public var ownerAgentID: UUID?
    public var openedAt: Date
    public var firstResponseAt: Date?
    /// Set when the case is resolved; cleared on reopen.
    public var resolvedAt: Date?
    /// How many times the case was reopened.
    public var reopenCount: Int

    /// Creates and validates a case.
    public init(
        id: UUID = UUID(), customerID: UUID, subject: String, status: CaseStatus = .open,
        priority: CasePriority = .normal, ownerAgentID: UUID? = nil, openedAt: Date, firstResponseAt: Date? = nil,
        resolvedAt: Date? = nil, reopenCount: Int = 0
    ) throws {
        self.id = id
        self.customerID = customerID
        self.subject = subject.trimmingCharacters(in: .whitespacesAndNewlines)
        self.status = status
        self.priority = priority
        self.ownerAgentID = ownerAgentID
        self.openedAt = openedAt
        self.firstResponseAt = firstResponseAt
        self.resolvedAt = resolvedAt
        self.reopenCount = reopenCount
        try validate()
    }

    public func validate() throws {
        try Self.descriptor.check(fields)
        if let resolvedAt {
            try require(resolvedAt >= openedAt, "case.resolved_at", "a case cannot be resolved before it was opened")
        }
        if let firstResponseAt {
            try require(firstResponseAt >= openedAt, "case.first_response_at", "first response cannot precede opening")
        }
        if status == .resolved || status == .closed {
            try require(resolvedAt != nil, "case.resolved_at", "is required when the status is \(status.rawValue)")
        } else {
            try require(
                resolvedAt == nil, "case.resolved_at",
                "must be empty while the status is \(status.rawValue) (a case with a resolution time is resolved or closed)")
        }
    }

    /// Seconds from opening to resolution, when resolved.
    public var timeToResolution: TimeInterval? { resolvedAt.map { $0.timeIntervalSince(openedAt) } }

    public var fields: [String: FieldValue] {
        [
            "customer_id": .id(customerID), "subject": .text(subject), "status": .text(status.rawValue),
            "priority": .text(priority.rawValue), "owner_agent_id": .id(ownerAgentID), "opened_at": .date(openedAt),
            "first_response_at": .date(firstResponseAt), "resolved_at": .date(resolvedAt),
            "reopen_count": .int(reopenCount),
        ]
    }

    public init(id: UUID, fields: [String: FieldValue]) throws {
        let r = FieldReader(.supportCase, fields)
        try self.init(
            id: id, customerID: r.id("customer_id"), subject: r.text("subject"),
            status: r.vocabulary("status", CaseStatus.self), priority: r.vocabulary("priority", CasePriority.self),
            ownerAgentID: r.optionalID("owner_agent_id"), openedAt: r.date("opened_at"),
            firstResponseAt: r.optionalDate("first_response_at"), resolvedAt: r.optionalDate("resolved_at"),
            reopenCount: r.int("reopen_count")
        )
    }
}
