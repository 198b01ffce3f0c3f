import Foundation
import TouchpointModel
import TouchpointProtocol

/// Erasures survive a restore: a backup taken before an erasure still holds the
/// customer's personal data, so after a restore the erasures the replaced store's
/// audit log records are applied again to the restored store (each with its own
/// audit entry). Laptops erased the customer already; without this the restored
/// server would hold the old values under the versions the laptops scrubbed.
public enum ErasureReplay {
    /// The customers `log` records as erased (successful `customer_erase` entries), each once, in order.
    public static func customers(erasedIn log: [AuditEntry]) -> [UUID] {
        var seen = Set<UUID>()
        return log.compactMap { entry in
            guard entry.action == .customerErase, entry.outcome == .ok, let id = UUID(text: entry.target), seen.insert(id).inserted
            else { return nil }
            return id
        }
    }

    /// Erases again, in `store`, every customer of `customers` it holds unerased; returns those erased.
    public static func reapply(_ customers: [UUID], to store: any ServerStore, recorder: AuditRecorder, now: Date) async throws -> [UUID] {
        var erased: [UUID] = []
        for id in customers {
            guard let state = try await store.record(.customer, id: id), !Erasure.isErased(customer: state) else { continue }
            try await recorder.record(
                .customerErase, target: id.lowercasedText,
                detail: { "re-applied after a restore from the replaced store's audit log; records scrubbed: \($0.records)" }
            ) { try await store.eraseCustomer(id, by: recorder.actor.agentID ?? localOperatorID, now: now) }
            erased.append(id)
        }
        return erased
    }

    /// The admin id logged for writes of the local operator, who has none.
    static let localOperatorID = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
}
