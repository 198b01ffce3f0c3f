import Foundation
import TouchpointModel
import TouchpointProtocol

/// Who may push what: the scope and identity rules, free of storage.
enum SyncPolicy {
    /// Fields that name the author of an append-only fact; an agent may only write itself there.
    static let authorFields: [EntityType: String] = [.interaction: "agent_id", .note: "author_agent_id"]

    /// Checks one pushed change.
    ///
    /// - Parameters:
    ///   - customerTerritory: the territory of the customer the record belongs to, as
    ///     stored (nil when that customer is unknown).
    ///   - storedAuthor: the author field of the stored record, if any.
    static func check(
        _ change: Change, seq: UInt64, by principal: Principal, customerTerritory: String?, storedAuthor: String?
    ) -> Rejection? {
        let record = "\(change.entity.rawValue) \(change.id.uuidString.lowercased())"
        func deny(_ why: String) -> Rejection { Rejection(seq: seq, code: .permissionDenied, message: "\(record): \(why)") }
        let values = Dictionary(change.fields.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })

        if !principal.seesEverything {
            if change.entity == .customer {
                if let stored = customerTerritory, !principal.territories.contains(stored) {
                    return deny("customer is in territory '\(stored)', outside your territories")
                }
                if let moved = values["territory"]?.text, !principal.territories.contains(moved) {
                    return deny("territory '\(moved)' is outside your territories")
                }
            } else {
                guard let territory = customerTerritory else {
                    return Rejection(
                        seq: seq, code: .failedPrecondition, message: "\(record): its customer is unknown to the server")
                }
                if !principal.territories.contains(territory) {
                    return deny("its customer is in territory '\(territory)', outside your territories")
                }
            }
            if let field = authorFields[change.entity] {
                let me = principal.agentID.uuidString.lowercased()
                if let written = values[field]?.text, written.lowercased() != me {
                    return deny("agents may only record their own \(change.entity.displayName)s (\(field) is \(written))")
                }
                if let storedAuthor, storedAuthor.lowercased() != me {
                    return deny("the record belongs to agent \(storedAuthor)")
                }
            }
        }
        if change.fields.isEmpty {
            return Rejection(seq: seq, code: .invalidArgument, message: "\(record): change has no fields")
        }
        return nil
    }
}
