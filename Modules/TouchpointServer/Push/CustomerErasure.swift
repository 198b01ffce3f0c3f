import Foundation
import TouchpointModel
import TouchpointProtocol
import TouchpointRecords

/// One customer's erasure as a store carries it out, free of storage: the plan of
/// the erasure itself (``PushRules/plan(erasing:by:now:context:)``), then what the
/// store rewrites wherever else personal values of those records are kept — the
/// change log, conflict records, remembered refusals and sync errors.
public struct CustomerErasure: Sendable {
    /// The erased customer.
    public let customer: UUID
    /// The ids of the customer and every record about it, as lower-case text (the form the store's tables hold).
    public let ids: Set<String>
    /// The erasure's write: `erased_at` logged, every record scrubbed.
    public let plan: PushPlan

    /// Decides the erasure of `customer` from a context holding it and every record about it
    /// (read with `wholeCustomers: [customer]`). Throws `notFound` for an unknown customer.
    ///
    /// `loggedIn`: the territories the change log holds entries of those records under (see
    /// ``territoriesToRead``). The erasure is logged in each of them, not only the customer's
    /// territory now: a laptop the customer left may still keep changes about it it queued or
    /// had refused, and erases those when it pulls the erasure.
    public init(of customer: UUID, by admin: UUID, now: Date, context: PushContext, loggedIn: Set<String>) throws {
        self.customer = customer
        var plan = try PushRules.plan(erasing: customer, by: admin, now: now, context: context)
        if let erasure = plan.log.first {
            for territory in loggedIn.subtracting([erasure.territory]).sorted() {
                var elsewhere = erasure
                elsewhere.territory = territory
                plan.log.append(elsewhere)
            }
        }
        self.plan = plan
        ids = Self.ids(about: customer, in: context)
    }

    /// The ids, as lower-case text, of the customer and every record about it in `context`:
    /// the records whose logged territories a store reads for `loggedIn`.
    public static func ids(about customer: UUID, in context: PushContext) -> Set<String> {
        Set(context.records.values.flatMap(\.values).filter { Erasure.customerID(of: $0) == customer }.map(\.id.lowercasedText))
    }

    /// The customer's territory now.
    public var territory: String {
        plan.log.first?.territory ?? ""
    }

    /// A logged change without its personal values; nil when it holds none.
    public static func scrubbed(_ change: Change) -> Change? {
        let scrubbed = Erasure.scrubbed(change)
        return scrubbed == change ? nil : scrubbed
    }

    /// A conflict side's value without personal data; nil when it holds none.
    public static func scrubbed(_ side: FieldState, entity: EntityType, field: String) -> FieldState? {
        let value = Erasure.scrubbed(side.value, entity: entity, field: field)
        return value == side.value ? nil : FieldState(value: value, version: side.version)
    }

    /// What a refusal message or sync error becomes when it names one of the erased records
    /// (it may quote a refused personal value); nil when it names none.
    public func scrubbed(message: String) -> String? {
        let message = message.lowercased()
        guard ids.contains(where: { message.contains($0) }) else { return nil }
        return Self.erasedMessage
    }

    /// The text that replaces a message naming an erased record.
    public static let erasedMessage = "(message removed: it named a record whose personal data was erased)"

    /// The report of the erasure once the store rewrote `logEntries`, `conflicts` and `messages`.
    public func report(logEntries: Int, conflicts: Int, messages: Int, sequence: UInt64, now: Date) -> ErasureReport {
        ErasureReport(
            customerID: customer, territory: territory, erasedAt: now, records: plan.records.count, logEntries: logEntries,
            conflicts: conflicts, messages: messages, sequence: sequence)
    }
}
