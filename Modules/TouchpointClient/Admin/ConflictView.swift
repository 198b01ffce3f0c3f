import Foundation
import TouchpointModel
import TouchpointProtocol

/// A kept conflict: both sides of one field, with sites and agents.
public struct ConflictView: Codable, Sendable, Hashable {
    /// One side: value, version (HLC and site) and the agent behind it.
    public struct Side: Codable, Sendable, Hashable {
        public var value: FieldValue
        public var hlc: UInt64
        /// The wall-clock time of the HLC.
        public var at: Date
        public var site: String
        public var agent: UUID?

        init(_ state: FieldState, agent: UUID?) {
            value = state.value
            hlc = state.version.hlc.rawValue
            at = Date(timeIntervalSince1970: Double(state.version.hlc.physical) / 1000)
            site = state.version.site.description
            self.agent = agent
        }
    }

    public var id: Int64
    public var entity: EntityType
    public var entityID: UUID
    public var field: String
    public var winner: Side
    public var loser: Side
    public var detectedAt: Date
    public var resolvedAt: Date?
    public var resolvedBy: UUID?
    /// `winner`, `loser` or `value` once resolved.
    public var resolution: String?
    /// The record's current fields by name (value, version), as `conflicts show` gets them; nil in listings.
    public var record: [String: Side]?

    public var isOpen: Bool { resolvedAt == nil }

    enum CodingKeys: String, CodingKey {
        case id, entity, field, winner, loser, resolution, record
        case entityID = "entity_id"
        case detectedAt = "detected_at"
        case resolvedAt = "resolved_at"
        case resolvedBy = "resolved_by"
    }

    init(_ wire: Touchpoint_V1_ConflictInfo, record: [Touchpoint_V1_FieldSnapshot]? = nil) throws {
        func side(_ side: Touchpoint_V1_ConflictSide, agent: Data) throws -> Side {
            Side(try side.fieldState(), agent: UUID(wireBytes: agent))
        }
        if let record {
            self.record = try Dictionary(record.map { ($0.name, Side(try $0.fieldState(), agent: nil)) }) { _, last in last }
        }
        id = Int64(clamping: wire.conflictID)
        entity = try EntityType(wire: wire.entity)
        entityID = try UUID(wireBytes: wire.entityID, field: "entity_id")
        field = wire.field
        winner = try side(wire.winner, agent: wire.winnerAgentID)
        loser = try side(wire.loser, agent: wire.agentID)
        detectedAt = AgentStatusView.date(wire.detectedAtMs) ?? Date(timeIntervalSince1970: 0)
        resolvedAt = AgentStatusView.date(wire.resolvedAtMs)
        resolvedBy = UUID(wireBytes: wire.resolvedBy)
        resolution = wire.resolution.isEmpty ? nil : wire.resolution
    }
}
