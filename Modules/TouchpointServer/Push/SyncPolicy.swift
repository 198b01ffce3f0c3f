import Foundation
import TouchpointModel
import TouchpointProtocol

/// Who may push what: the scope, identity and shape rules, free of storage.
enum SyncPolicy {
    /// Fields that name the author of an append-only fact; an agent may only write itself there.
    static let authorFields: [EntityType: String] = [.interaction: "agent_id", .note: "author_agent_id", .feedback: "agent_id"]

    /// Where a record is, before and after a pushed change, as the store knows it.
    struct Placement {
        /// The territory the record is in before the change (a customer's own, else its customer's);
        /// nil when the record is new.
        var before: String?
        /// The territory the change moves it to (a customer's new territory, or the territory of
        /// the customer a record is re-parented to); nil when the change does not move it.
        var after: String?
        /// True when the change names a customer the server does not know.
        var unknownCustomer = false
    }

    /// Checks one pushed change against the stored record and where it is.
    static func check(
        _ change: Change, seq: UInt64, by principal: Principal, stored: RecordState?, placement: Placement
    ) -> Rejection? {
        let record = "\(change.entity.rawValue) \(change.id.lowercasedText)"
        func deny(_ why: String) -> Rejection { Rejection(sequence: seq, code: .permissionDenied, message: "\(record): \(why)") }
        func invalid(_ why: String) -> Rejection { Rejection(sequence: seq, code: .invalidArgument, message: "\(record): \(why)") }
        let written = change.written
        if written.isEmpty { return invalid("change has no fields") }
        if let tombstone = change.fields.first(where: { $0.name == tombstoneField }),
            tombstone.value != .integer(1), tombstone.value != .integer(0)
        {
            return invalid("\(tombstoneField) must be 1 (deleted) or 0 (undeleted), not \(tombstone.value)")
        }
        if let foreign = written.first(where: { $0.version.site != principal.site }) {
            return deny("field '\(foreign.name)' carries a version of site \(foreign.version.site), not this session's site")
        }
        if let problem = groupProblem(change) { return invalid(problem) }
        if change.entity == .customer, let erasure = written.first(where: { $0.name == Erasure.erasedAtField }),
            !erasure.value.isNull || Erasure.isErased(customer: stored)
        {
            // A new customer carries it empty; only the server sets it, and nobody clears it.
            return deny("\(Erasure.erasedAtField) is written by the server when an admin erases the customer")
        }
        let values = Dictionary(written.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
        let existing = stored.flatMap { $0.fields.isEmpty ? nil : $0 }
        let resend = existing.map { stored in written.allSatisfy { stored.fields[$0.name]?.value == $0.value } } ?? false
        if change.entity.isAppendOnly, existing != nil, !resend {
            return deny("\(change.entity.displayName) records are append-only and cannot be edited")
        }
        guard !principal.seesEverything else { return nil }

        if placement.unknownCustomer {
            return Rejection(sequence: seq, code: .failedPrecondition, message: "\(record): its customer is unknown to the server")
        }
        if let before = placement.before, !principal.territories.contains(before) {
            return deny("it is in territory '\(before)', outside your territories")
        }
        if let after = placement.after, !principal.territories.contains(after) {
            return deny("territory '\(after)' is outside your territories")
        }
        if resend { return nil }
        if let field = authorFields[change.entity] {
            let me = principal.agentID.lowercasedText
            if let written = values[field]?.text, written.lowercased() != me {
                return deny("agents may only record their own \(change.entity.displayName)s (\(field) is \(written))")
            }
            if let author = existing?.fields[field]?.value.text, author.lowercased() != me {
                return deny("the record belongs to agent \(author)")
            }
        }
        return nil
    }

    /// A change that writes part of a field group, or its members with different versions.
    static func groupProblem(_ change: Change) -> String? {
        let written = change.written
        for group in change.entity.fieldGroups {
            let members = written.filter { group.contains($0.name) }
            guard !members.isEmpty else { continue }
            let names = group.joined(separator: ", ")
            if members.count != group.count || Set(members.map(\.version)).count != 1 {
                return "the fields \(names) change together, with one version"
            }
        }
        return nil
    }
}
