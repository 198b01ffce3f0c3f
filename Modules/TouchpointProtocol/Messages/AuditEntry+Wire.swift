import Foundation
import TouchpointModel

extension AuditEntry {
    /// The wire `AuditEntryInfo`.
    public var wire: Touchpoint_V1_AuditEntryInfo {
        var info = Touchpoint_V1_AuditEntryInfo()
        info.id = UInt64(clamping: id)
        info.timeMs = HLC.milliseconds(time)
        if let agent = actor.agentID { info.actorID = agent.wireBytes }
        info.actorName = actor.name
        info.action = action.rawValue
        info.target = target
        info.outcome = outcome.label
        info.reason = outcome.reason ?? ""
        info.detail = detail ?? ""
        return info
    }

    /// Reads a wire `AuditEntryInfo`; `INVALID_ARGUMENT` for an id, time, action or outcome out of range.
    public init(wire: Touchpoint_V1_AuditEntryInfo) throws {
        guard let action = Action(rawValue: wire.action) else {
            throw ProtocolError(.invalidArgument, "audit entry \(wire.id): unknown action '\(wire.action)'")
        }
        guard let outcome = Outcome(label: wire.outcome, reason: wire.reason) else {
            throw ProtocolError(.invalidArgument, "audit entry \(wire.id): unknown outcome '\(wire.outcome)'")
        }
        self.init(
            id: try WireInteger.int64(wire.id, field: "audit_entry.id"),
            time: Date(timeIntervalSince1970: Double(try WireInteger.int64(wire.timeMs, field: "audit_entry.time_ms")) / 1000),
            actor: Actor(
                agentID: wire.actorID.isEmpty ? nil : try UUID(wireBytes: wire.actorID, field: "audit_entry.actor_id"),
                name: wire.actorName),
            action: action, target: wire.target, outcome: outcome, detail: wire.detail.isEmpty ? nil : wire.detail)
    }
}
