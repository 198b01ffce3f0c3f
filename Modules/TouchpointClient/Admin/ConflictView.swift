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

    public var isOpen: Bool { resolvedAt == nil }

    init(_ wire: Touchpoint_V1_ConflictInfo) throws {
        func side(_ side: Touchpoint_V1_ConflictSide, agent: Data) throws -> Side {
            let state = try side.fieldState()
            return Side(
                value: state.value, hlc: state.version.hlc.rawValue,
                at: Date(timeIntervalSince1970: Double(state.version.hlc.physical) / 1000),
                site: state.version.site.description, agent: UUID(wireBytes: agent))
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
