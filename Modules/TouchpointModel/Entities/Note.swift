import Foundation

/// Append-only free text attached to a customer, and optionally to one of its cases.
public struct Note: SyncRecord, Codable {
    public static let entity = EntityType.note
    public static let descriptor = EntityDescriptor(
        "note", summary: "Free text about a customer, and optionally one of its cases (append-only).",
        fields: [
            FieldDescriptor("customer_id", .reference("customer"), required: true, help: "The customer it is about."),
            FieldDescriptor("case_id", .reference("case"), help: "The case it is about."),
            FieldDescriptor(
                "author_agent_id", .reference("agent"), required: true, default: .author,
                help: "Who wrote it (default: the writing agent)."),
            FieldDescriptor("body", .text(.long), required: true, personal: true, help: "The text."),
            FieldDescriptor("created_at", .time, required: true, help: "When it was written."),
        ])

    public var id: UUID
    public var customerID: UUID
    public var caseID: UUID?
    public var authorAgentID: UUID
    public var body: String
    public var createdAt: Date

    /// Creates and validates a note.
    public init(
        id: UUID = UUID(), customerID: UUID, caseID: UUID? = nil, authorAgentID: UUID, body: String, createdAt: Date
    ) throws {
        self.id = id
        self.customerID = customerID
        self.caseID = caseID
        self.authorAgentID = authorAgentID
        self.body = body.trimmingCharacters(in: .whitespacesAndNewlines)
        self.createdAt = createdAt
        try validate()
    }

    public func validate() throws {
        try Self.descriptor.check(fields)
    }

    public var fields: [String: FieldValue] {
        [
            "customer_id": .id(customerID), "case_id": .id(caseID), "author_agent_id": .id(authorAgentID),
            "body": .text(body), "created_at": .date(createdAt),
        ]
    }

    public init(id: UUID, fields: [String: FieldValue]) throws {
        let r = FieldReader(.note, fields)
        try self.init(
            id: id, customerID: r.id("customer_id"), caseID: r.optionalID("case_id"),
            authorAgentID: r.id("author_agent_id"), body: r.text("body"), createdAt: r.date("created_at")
        )
    }
}
