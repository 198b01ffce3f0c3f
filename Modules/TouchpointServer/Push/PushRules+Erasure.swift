import Foundation
import TouchpointModel
import TouchpointRecords

/// A customer's erasure holds against late writes: a personal value pushed for an
/// erased customer, or for a record about one, is scrubbed on arrival (its version
/// kept, so the pusher converges once it learns of the erasure), never stored.
extension PushRules {
    /// The change as the server takes it: its personal values erased when its record is about an erased customer.
    func erasingPersonalData(_ change: Change, stored: RecordState?) -> Change {
        isAboutErasedCustomer(change, stored: stored) ? Erasure.scrubbed(change) : change
    }

    private func isAboutErasedCustomer(_ change: Change, stored: RecordState?) -> Bool {
        if change.entity == .customer { return Erasure.isErased(customer: records[.customer]?[change.id]) }
        var customers = stored.flatMap(Erasure.customerID(of:)).map { [$0] } ?? []
        for field in change.fields where field.name == EntityType.customerField {
            if let id = field.value.text.flatMap(UUID.init(text:)) { customers.append(id) }
        }
        return customers.contains { Erasure.isErased(customer: records[.customer]?[$0]) }
    }
}

extension PushRules {
    /// Decides an admin's erasure of a customer: `erased_at` written with a new version from
    /// the server clock and logged in the customer's territory (every agent holding it erases
    /// it too, ``Erasure``), and the personal values of the customer and of every record
    /// about it in `context` scrubbed, versions kept (written, not logged: the store scrubs
    /// its change log and conflicts itself).
    static func plan(erasing customer: UUID, by admin: UUID, now: Date, context: PushContext) throws -> PushPlan {
        guard context.records[.customer]?[customer] != nil else {
            throw StoreError(kind: .notFound, message: "no customer with id \(customer.lowercasedText)")
        }
        var rules = try adminWriting([Erasure.erasedAtField: .date(now)], to: .customer, id: customer, by: admin, now: now, context: context)
        var scrubbed = Staged(clock: rules.plan.clock)
        for entity in EntityType.allCases {
            for state in (rules.records[entity] ?? [:]).values.sorted(by: { $0.id.lowercasedText < $1.id.lowercasedText })
            where Erasure.customerID(of: state) == customer {
                let erased = Erasure.scrubbed(state)
                if erased != state { scrubbed.states.append(erased) }
            }
        }
        rules.commit(scrubbed)
        return rules.finished()
    }
}
