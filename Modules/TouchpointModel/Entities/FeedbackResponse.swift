import Foundation

/// A customer's survey answer (NPS, CSAT or CES), with a snapshot of what it rates.
///
/// Like Zendesk, the agent, team, channel, touchpoint and stage are copied at
/// rating time so credit survives later reassignment.
public struct FeedbackResponse: SyncRecord, Codable {
    public static let entity = EntityType.feedback
    public static let descriptor = EntityDescriptor(
        "feedback", summary: "A customer's survey answer (NPS, CSAT or CES), with a snapshot of what it rates (append-only).",
        fields: [
            FieldDescriptor("customer_id", .reference("customer"), required: true, help: "The customer who answered."),
            FieldDescriptor("interaction_id", .reference("interaction"), help: "The interaction it rates."),
            FieldDescriptor("agent_id", .reference("agent"), dimension: true, help: "The agent it rates."),
            FieldDescriptor("kind", .vocabulary(SurveyKind.self), required: true, help: "The survey."),
            FieldDescriptor("score", .integer(0...10), required: true, help: "The score: NPS 0–10, CSAT 1–5, CES 1–7."),
            FieldDescriptor(
                "bucket", .vocabulary(name: "bucket", values: ["promoter", "passive", "detractor"]),
                help: "NPS only, derived from the score: promoter 9–10, passive 7–8, detractor 0–6; null for other kinds."),
            FieldDescriptor("comment", .text(.long), personal: true, help: "The customer's comment."),
            FieldDescriptor("collected_at", .time, required: true, help: "When it was collected."),
            FieldDescriptor("channel", .vocabulary(Channel.self), dimension: true, help: "Channel of what it rates."),
            FieldDescriptor("touchpoint", .slug, dimension: true, help: "Touchpoint of what it rates."),
            FieldDescriptor("stage", .vocabulary(JourneyStage.self), dimension: true, help: "Journey stage of what it rates."),
            FieldDescriptor("team", .text(.short), dimension: true, help: "Team of the agent it rates."),
        ],
        rules: [
            "`score` is on the kind's scale: `nps` 0–10, `csat` 1–5, `ces` 1–7.",
            "`bucket` is derived from `score` by its writer (a reader recomputes it).",
        ])

    public var id: UUID
    public var customerID: UUID
    public var interactionID: UUID?
    public var agentID: UUID?
    public var kind: SurveyKind
    public var score: Int
    public var comment: String?
    public var collectedAt: Date
    public var channel: Channel?
    public var touchpoint: String?
    public var stage: JourneyStage?
    public var team: String?

    /// Creates and validates an answer; the score must be on the kind's scale.
    public init(
        id: UUID = UUID(), customerID: UUID, interactionID: UUID? = nil, agentID: UUID? = nil, kind: SurveyKind,
        score: Int, comment: String? = nil, collectedAt: Date, channel: Channel? = nil, touchpoint: String? = nil,
        stage: JourneyStage? = nil, team: String? = nil
    ) throws {
        self.id = id
        self.customerID = customerID
        self.interactionID = interactionID
        self.agentID = agentID
        self.kind = kind
        self.score = score
        self.comment = comment?.nonEmpty
        self.collectedAt = collectedAt
        self.channel = channel
        self.touchpoint = try touchpoint?.nonEmpty.map { try Touchpoint.validate($0, field: "feedback.touchpoint") }
        self.stage = stage
        self.team = team?.nonEmpty
        try validate()
    }

    public func validate() throws {
        let scale = kind.scale
        try require(
            scale.contains(score), "feedback.score",
            "\(kind.rawValue.uppercased()) score must be \(scale.lowerBound)–\(scale.upperBound), got \(score)"
        )
        try Self.descriptor.check(fields)
    }

    /// For NPS: `promoter` (9–10), `passive` (7–8) or `detractor` (0–6); nil for other kinds.
    public var bucket: String? {
        guard kind == .nps else { return nil }
        return score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor"
    }

    /// True for an answer that should open a follow-up: NPS ≤ 6 or CSAT ≤ 2.
    public var needsFollowUp: Bool {
        switch kind {
        case .nps: score <= 6
        case .csat: score <= 2
        case .ces: false
        }
    }

    public var fields: [String: FieldValue] {
        [
            "customer_id": .id(customerID), "interaction_id": .id(interactionID), "agent_id": .id(agentID),
            "kind": .text(kind.rawValue), "score": .int(score), "bucket": .text(bucket), "comment": .text(comment),
            "collected_at": .date(collectedAt), "channel": .text(channel?.rawValue), "touchpoint": .text(touchpoint),
            "stage": .text(stage?.rawValue), "team": .text(team),
        ]
    }

    public init(id: UUID, fields: [String: FieldValue]) throws {
        let r = FieldReader(.feedback, fields)
        try self.init(
            id: id, customerID: r.id("customer_id"), interactionID: r.optionalID("interaction_id"),
            agentID: r.optionalID("agent_id"), kind: r.vocabulary("kind", SurveyKind.self), score: r.int("score"),
            comment: r.optionalText("comment"), collectedAt: r.date("collected_at"),
            channel: r.optionalVocabulary("channel", Channel.self), touchpoint: r.optionalText("touchpoint"),
            stage: r.optionalVocabulary("stage", JourneyStage.self), team: r.optionalText("team")
        )
    }
}
