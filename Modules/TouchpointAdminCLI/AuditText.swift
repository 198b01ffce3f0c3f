import Foundation
import TouchpointCLI
import TouchpointProtocol

/// The audit log as `touchpointctl audit` prints it.
public enum AuditText {
    /// One row per entry, oldest first: time, actor, action, target, outcome, and the detail or, for a refusal, its reason.
    public static func table(_ entries: [AuditEntry]) -> Table {
        var table = Table("ID", "TIME", "ACTOR", "ACTION", "TARGET", "OUTCOME", "DETAIL / REASON")
        for e in entries {
            table.add(
                "\(e.id)", Format.date(e.time), e.actor.name, e.action.rawValue, e.target, e.outcome.label,
                e.outcome.reason ?? e.detail ?? "")
        }
        return table
    }
}
