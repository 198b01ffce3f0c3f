import Foundation
import TouchpointModel

extension ConflictRecord {
    /// The wire `ConflictInfo` (the record's current fields travel beside it, see ``recordWire``).
    public var wire: Touchpoint_V1_ConflictInfo {
        var info = Touchpoint_V1_ConflictInfo()
        info.conflictID = UInt64(clamping: id)
        info.entity = entity.wire
        info.entityID = entityID.wireBytes
        info.field = field
        info.winner = Touchpoint_V1_ConflictSide(winner.state)
        info.loser = Touchpoint_V1_ConflictSide(loser.state)
        info.detectedAtMs = HLC.milliseconds(detectedAt)
        info.resolvedAtMs = resolvedAt.map(HLC.milliseconds) ?? 0
        if let agent = loser.agent { info.agentID = agent.wireBytes }
        if let agent = winner.agent { info.winnerAgentID = agent.wireBytes }
        if let admin = resolvedBy { info.resolvedBy = admin.wireBytes }
        info.resolution = resolution ?? ""
        return info
    }

    /// The record's current fields as wire snapshots, sorted by name; empty when not known.
    public var recordWire: [Touchpoint_V1_FieldSnapshot] {
        (record ?? [:]).sorted { $0.key < $1.key }.map { Touchpoint_V1_FieldSnapshot(name: $0.key, $0.value.state) }
    }

    /// Reads a wire `ConflictInfo`, with the record's current fields when `conflict_show` sent them;
    /// `INVALID_ARGUMENT` for a bad entity, id or site.
    public init(wire: Touchpoint_V1_ConflictInfo, record: [Touchpoint_V1_FieldSnapshot]? = nil) throws {
        func date(_ ms: UInt64) -> Date? { ms == 0 ? nil : Date(timeIntervalSince1970: Double(ms) / 1000) }
        self.init(
            id: Int64(clamping: wire.conflictID), entity: try EntityType(wire: wire.entity),
            entityID: try UUID(wireBytes: wire.entityID, field: "entity_id"), field: wire.field,
            winner: Side(try wire.winner.fieldState(), agent: UUID(wireBytes: wire.winnerAgentID)),
            loser: Side(try wire.loser.fieldState(), agent: UUID(wireBytes: wire.agentID)),
            detectedAt: date(wire.detectedAtMs) ?? Date(timeIntervalSince1970: 0), resolvedAt: date(wire.resolvedAtMs),
            resolvedBy: UUID(wireBytes: wire.resolvedBy), resolution: wire.resolution.isEmpty ? nil : wire.resolution,
            record: try record.map { snapshots in
                try Dictionary(snapshots.map { ($0.name, Side(try $0.fieldState())) }) { _, last in last }
            })
    }
}
