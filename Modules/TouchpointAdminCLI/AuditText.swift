import Foundation
import TouchpointCLI
import TouchpointProtocol

/// The audit log as `touchpointctl audit` prints it.
public enum AuditText {
    /// One row per entry, oldest first: time, actor, action, target, outcome (with the reason of a refusal), detail.
    public static func table(_ entries: [AuditEntry]) -> Table {
        var table = Table("ID", "TIME", "ACTOR", "ACTION", "TARGET", "OUTCOME", "DETAIL")
        for e in entries {
            table.add(
                "\(e.id)", Format.date(e.time), e.actor.name, e.action.rawValue, e.target,
                e.outcome.reason.map { "refused: \($0)" } ?? e.outcome.label, e.detail ?? "")
        }
        return table
    }
}
