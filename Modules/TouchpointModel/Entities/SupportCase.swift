import Foundation

/// A support case (ticket) and its resolution timeline.
public struct SupportCase: SyncRecord, Codable {
    public static let entity = EntityType.supportCase
    public static let fieldNames = [
        "customer_id", "subject", "status", "priority", "owner_agent_id", "opened_at", "first_response_at",
        "resolved_at", "reopen_count",
    ]

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
        try require(!subject.isEmpty, "case.subject", "must not be empty")
        try TextLimit.short(subject, "case.subject")
        if let resolvedAt {
            try require(resolvedAt >= openedAt, "case.resolved_at", "a case cannot be resolved before it was opened")
        }
        if let firstResponseAt {
            try require(firstResponseAt >= openedAt, "case.first_response_at", "first response cannot precede opening")
        }
        if status == .resolved || status == .closed {
            try require(resolvedAt != nil, "case.resolved_at", "is required when the status is \(status.rawValue)")
        }
        try require(reopenCount >= 0, "case.reopen_count", "must not be negative")
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
