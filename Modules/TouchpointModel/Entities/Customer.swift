import Foundation

/// A customer: who an interaction, case or survey answer is about.
public struct Customer: SyncRecord, Codable {
    public static let entity = EntityType.customer
    public static let fieldNames = [
        "name", "email", "phone", "segment", "persona", "lifecycle", "territory", "owner_agent_id", "tags",
    ]

    public var id: UUID
    /// Display name (required).
    public var name: String
    /// Email address (PII).
    public var email: String?
    /// Phone number (PII).
    public var phone: String?
    /// Segment, e.g. `smb`, `enterprise`.
    public var segment: String?
    /// Persona, e.g. `tech_savvy`.
    public var persona: String?
    /// Lifecycle stage.
    public var lifecycle: LifecycleStage
    /// Territory that scopes which agents receive this customer (required).
    public var territory: String
    /// Owning agent.
    public var ownerAgentID: UUID?
    /// Free tags (no commas).
    public var tags: [String]

    /// Creates and validates a customer.
    public init(
        id: UUID = UUID(), name: String, email: String? = nil, phone: String? = nil, segment: String? = nil,
        persona: String? = nil, lifecycle: LifecycleStage = .active, territory: String, ownerAgentID: UUID? = nil,
        tags: [String] = []
    ) throws {
        self.id = id
        self.name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        self.email = email?.nonEmpty
        self.phone = phone?.nonEmpty
        self.segment = segment?.nonEmpty
        self.persona = persona?.nonEmpty
        self.lifecycle = lifecycle
        self.territory = territory.trimmingCharacters(in: .whitespaces)
        self.ownerAgentID = ownerAgentID
        self.tags = tags.compactMap(\.nonEmpty)
        try validate()
    }

    public func validate() throws {
        try require(!name.isEmpty, "customer.name", "must not be empty")
        for (value, field) in [(name, "name"), (email, "email"), (phone, "phone"), (segment, "segment"),
            (persona, "persona"), (territory, "territory")] as [(String?, String)]
        {
            try TextLimit.short(value, "customer.\(field)")
        }
        for tag in tags { try TextLimit.short(tag, "customer.tags") }
        try TextLimit.long(tags.joined(separator: ","), "customer.tags")
        if let email {
            try require(email.contains("@") && !email.contains(" "), "customer.email", "not an email address: '\(email)'")
        }
        try require(!territory.isEmpty, "customer.territory", "must not be empty")
        try require(!tags.contains { $0.contains(",") }, "customer.tags", "a tag may not contain ','")
    }

    public var fields: [String: FieldValue] {
        [
            "name": .text(name), "email": .text(email), "phone": .text(phone), "segment": .text(segment),
            "persona": .text(persona), "lifecycle": .text(lifecycle.rawValue), "territory": .text(territory),
            "owner_agent_id": .id(ownerAgentID), "tags": tags.isEmpty ? .null : .text(tags.joined(separator: ",")),
        ]
    }

    public init(id: UUID, fields: [String: FieldValue]) throws {
        let r = FieldReader(.customer, fields)
        try self.init(
            id: id, name: r.text("name"), email: r.optionalText("email"), phone: r.optionalText("phone"),
            segment: r.optionalText("segment"), persona: r.optionalText("persona"),
            lifecycle: r.vocabulary("lifecycle", LifecycleStage.self), territory: r.text("territory"),
            ownerAgentID: r.optionalID("owner_agent_id"),
            tags: (try r.optionalText("tags"))?.split(separator: ",").map(String.init) ?? []
        )
    }
}
