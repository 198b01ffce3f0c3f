import Foundation

/// One touchpoint event: an agent serving a customer's need over a channel.
public struct Interaction: SyncRecord, Codable {
    public static let entity = EntityType.interaction
    public static let descriptor = EntityDescriptor(
        "interaction", summary: "One touchpoint event: an agent serving a customer's need over a channel (append-only).",
        fields: [
            FieldDescriptor("customer_id", .reference("customer"), required: true, help: "The customer served."),
            FieldDescriptor(
                "agent_id", .reference("agent"), required: true, default: .author, dimension: true,
                help: "The agent who served (default: the writing agent)."),
            FieldDescriptor(
                "occurred_at", .time, required: true, help: "When it happened, by the device's clock (metrics use this)."),
            FieldDescriptor(
                "channel", .vocabulary(Channel.self), required: true, dimension: true, help: "How the customer was served."),
            FieldDescriptor(
                "touchpoint", .slug, required: true, dimension: true, help: "The customer's need or moment, e.g. billing."),
            FieldDescriptor("stage", .vocabulary(JourneyStage.self), required: true, dimension: true, help: "Journey stage."),
            FieldDescriptor(
                "direction", .vocabulary(Direction.self), required: true, default: .value(.text(Direction.inbound.rawValue)),
                help: "Who started it."),
            FieldDescriptor(
                "sentiment", .integer(-2...2), required: true, default: .value(.integer(0)),
                help: "-2 (very negative) … +2 (very positive)."),
            FieldDescriptor("outcome", .vocabulary(Outcome.self), required: true, help: "What it ended with."),
            FieldDescriptor(
                "duration_seconds", .integer(0...Int64.max), required: true, default: .value(.integer(0)),
                help: "How long it took, in seconds."),
            FieldDescriptor("case_id", .reference("case"), help: "The case it belongs to."),
            FieldDescriptor("summary", .text(.long), personal: true, help: "What happened."),
        ])

    public var id: UUID
    public var customerID: UUID
    public var agentID: UUID
    /// Device time of the interaction (metrics use this, not sync time).
    public var occurredAt: Date
    public var channel: Channel
    /// The customer's need or moment (a slug, e.g. `billing`).
    public var touchpoint: String
    public var stage: JourneyStage
    public var direction: Direction
    /// −2 (very negative) … +2 (very positive).
    public var sentiment: Int
    public var outcome: Outcome
    public var durationSeconds: Int
    public var caseID: UUID?
    public var summary: String?

    /// Creates and validates an interaction.
    public init(
        id: UUID = UUID(), customerID: UUID, agentID: UUID, occurredAt: Date, channel: Channel, touchpoint: String,
        stage: JourneyStage, direction: Direction = .inbound, sentiment: Int = 0, outcome: Outcome,
        durationSeconds: Int = 0, caseID: UUID? = nil, summary: String? = nil
    ) throws {
        self.id = id
        self.customerID = customerID
        self.agentID = agentID
        self.occurredAt = occurredAt
        self.channel = channel
        self.touchpoint = try Touchpoint.validate(touchpoint, field: "interaction.touchpoint")
        self.stage = stage
        self.direction = direction
        self.sentiment = sentiment
        self.outcome = outcome
        self.durationSeconds = durationSeconds
        self.caseID = caseID
        self.summary = summary?.nonEmpty
        try validate()
    }

    public func validate() throws {
        try Self.descriptor.check(fields)
    }

    public var fields: [String: FieldValue] {
        [
            "customer_id": .id(customerID), "agent_id": .id(agentID), "occurred_at": .date(occurredAt),
            "channel": .text(channel.rawValue), "touchpoint": .text(touchpoint), "stage": .text(stage.rawValue),
            "direction": .text(direction.rawValue), "sentiment": .int(sentiment), "outcome": .text(outcome.rawValue),
            "duration_seconds": .int(durationSeconds), "case_id": .id(caseID), "summary": .text(summary),
        ]
    }

    public init(id: UUID, fields: [String: FieldValue]) throws {
        let r = FieldReader(.interaction, fields)
        try self.init(
            id: id, customerID: r.id("customer_id"), agentID: r.id("agent_id"), occurredAt: r.date("occurred_at"),
            channel: r.vocabulary("channel", Channel.self), touchpoint: r.text("touchpoint"),
            stage: r.vocabulary("stage", JourneyStage.self), direction: r.vocabulary("direction", Direction.self),
            sentiment: r.int("sentiment"), outcome: r.vocabulary("outcome", Outcome.self),
            durationSeconds: r.int("duration_seconds"), caseID: r.optionalID("case_id"), summary: r.optionalText("summary")
        )
    }
}
