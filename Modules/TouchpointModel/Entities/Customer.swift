import Foundation

/// A customer: who an interaction, case or survey answer is about.
public struct Customer: SyncRecord, Codable {
    public static let entity = EntityType.customer
    public static let descriptor = EntityDescriptor(
        "customer", summary: "Who an interaction, case or survey answer is about; its territory decides which agents hold it.",
        fields: [
            FieldDescriptor("name", .text(.short), required: true, personal: true, help: "Display name."),
            FieldDescriptor("email", .text(.short), personal: true, help: "Email address (PII)."),
            FieldDescriptor("phone", .text(.short), personal: true, help: "Phone number (PII)."),
            FieldDescriptor("segment", .text(.short), dimension: true, help: "Segment, e.g. smb, enterprise."),
            FieldDescriptor("persona", .text(.short), dimension: true, help: "Persona, e.g. tech_savvy."),
            FieldDescriptor(
                "lifecycle", .vocabulary(LifecycleStage.self), required: true,
                default: .value(.text(LifecycleStage.active.rawValue)), help: "Lifecycle stage (churn is computed from it)."),
            FieldDescriptor(
                "territory", .text(.short), required: true,
                help: "Territory: which agents receive this customer."),
            FieldDescriptor("owner_agent_id", .reference("agent"), help: "Owning agent's id."),
            FieldDescriptor("tags", .tags, personal: true, help: "Free tags (none may contain a comma)."),
            FieldDescriptor(
                "annual_value", .money, since: 2,
                help: "What the customer is worth a year, in minor units of its currency (123450 = 1234.50 EUR)."),
            FieldDescriptor("currency", .currency, since: 2, help: "ISO 4217 currency of the annual value, e.g. EUR."),
            FieldDescriptor(
                "erased_at", .time, since: 3,
                help: "When an admin erased the customer's personal data (written by the server only; see Erasure)."),
        ],
        rules: ["`email` contains `@` and no space.", "No tag contains `,`.", "`annual_value` needs `currency`."])

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
    /// Annual value in minor units of ``currency`` (cents for EUR).
    public var annualValue: Int64?
    /// ISO 4217 code of ``annualValue``'s currency, upper-case.
    public var currency: String?
    /// When an admin erased the customer's personal data; nil while it is kept.
    public var erasedAt: Date?

    /// Creates and validates a customer.
    public init(
        id: UUID = UUID(), name: String, email: String? = nil, phone: String? = nil, segment: String? = nil,
        persona: String? = nil, lifecycle: LifecycleStage = .active, territory: String, ownerAgentID: UUID? = nil,
        tags: [String] = [], annualValue: Int64? = nil, currency: String? = nil, erasedAt: Date? = nil
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
        self.annualValue = annualValue
        self.currency = currency?.nonEmpty?.uppercased()
        self.erasedAt = erasedAt
        try validate()
    }

    public func validate() throws {
        try require(!tags.contains { $0.contains(",") }, "customer.tags", "a tag may not contain ','")
        try Self.descriptor.check(fields)
        if let email {
            try require(email.contains("@") && !email.contains(" "), "customer.email", "not an email address: '\(email)'")
        }
        if annualValue != nil {
            try require(currency != nil, "customer.currency", "is required when annual_value is given")
        }
    }

    public var fields: [String: FieldValue] {
        [
            "name": .text(name), "email": .text(email), "phone": .text(phone), "segment": .text(segment),
            "persona": .text(persona), "lifecycle": .text(lifecycle.rawValue), "territory": .text(territory),
            "owner_agent_id": .id(ownerAgentID), "tags": tags.isEmpty ? .null : .text(tags.joined(separator: ",")),
            "annual_value": annualValue.map { .integer($0) } ?? .null, "currency": .text(currency),
            "erased_at": .date(erasedAt),
        ]
    }

    public init(id: UUID, fields: [String: FieldValue]) throws {
        let r = FieldReader(.customer, fields)
        try self.init(
            id: id, name: r.text("name"), email: r.optionalText("email"), phone: r.optionalText("phone"),
            segment: r.optionalText("segment"), persona: r.optionalText("persona"),
            lifecycle: r.vocabulary("lifecycle", LifecycleStage.self), territory: r.text("territory"),
            ownerAgentID: r.optionalID("owner_agent_id"),
            tags: (try r.optionalText("tags"))?.split(separator: ",").map(String.init) ?? [],
            annualValue: r.optionalInt64("annual_value"), currency: r.optionalText("currency"),
            erasedAt: r.optionalDate("erased_at")
        )
    }
}
