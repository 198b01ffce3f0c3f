import Foundation
import TouchpointProtocol
import TouchpointRecords

extension AuditEntry {
    /// The entry an `audit_log` row holds (both stores keep the same columns); corrupt when a cell is out of its vocabulary.
    package static func stored(
        id: Int64, at: Int64, actorID: String?, actorName: String, action: String, target: String, outcome: String,
        reason: String?, detail: String?
    ) throws -> AuditEntry {
        let actor = actorID.map { UUID(uuidString: $0) }
        guard let action = Action(rawValue: action), let outcome = Outcome(label: outcome, reason: reason), actor != .some(nil) else {
            throw StoreError(kind: .corrupt, message: "audit log row \(id) holds a value out of its vocabulary")
        }
        return AuditEntry(
            id: id, time: Date(milliseconds: at), actor: Actor(agentID: actor ?? nil, name: actorName), action: action,
            target: target, outcome: outcome, detail: detail)
    }
}
