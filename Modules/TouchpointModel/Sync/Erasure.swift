import Foundation

/// Erasing a customer's personal data (the GDPR right to erasure) without losing
/// the facts reports count.
///
/// An admin erases a customer on the server: its ``FieldDescriptor/isPersonal``
/// fields, and those of every record about it (interactions, cases, feedback,
/// follow-ups, notes), lose their values — a required one becomes
/// ``placeholder``, an optional one null — and the customer gets `erased_at`.
/// Scores, channels, stages, outcomes, dates and counts stay.
///
/// Every replica scrubs the same way, keeping each field's version: scrubbing
/// replaces values only, so it commutes with the merge rule and erased replicas
/// converge to the same digest whatever order they learn things in. Once a
/// customer is erased, a personal value arriving for it later (an agent that was
/// offline during the erasure pushes an old edit) is scrubbed on arrival, so it
/// never comes back.
public enum Erasure {
    /// The value a required personal field holds once erased.
    public static let placeholder = "[erased]"
    /// The customer field that records the erasure (written by the server only).
    public static let erasedAtField = "erased_at"

    /// The value a personal field of `entity` holds once erased: the placeholder for a
    /// required field, null otherwise. Nil when the field is not personal.
    public static func erasedValue(of entity: EntityType, field name: String) -> FieldValue? {
        guard let field = entity.descriptor.field(name), field.isPersonal else { return nil }
        return field.isRequired ? .text(placeholder) : .null
    }

    /// The personal fields of an entity, by name.
    public static func personalFields(of entity: EntityType) -> [String] {
        entity.descriptor.fields.filter(\.isPersonal).map(\.name)
    }

    /// `value` as it is once erased: a personal field's non-null value becomes its erased value.
    public static func scrubbed(_ value: FieldValue, entity: EntityType, field: String) -> FieldValue {
        guard !value.isNull, let erased = erasedValue(of: entity, field: field) else { return value }
        return erased
    }

    /// The change with every personal value erased, versions and bases kept.
    public static func scrubbed(_ change: Change) -> Change {
        var change = change
        for index in change.fields.indices {
            change.fields[index].value = scrubbed(change.fields[index].value, entity: change.entity, field: change.fields[index].name)
        }
        return change
    }

    /// The record with every personal value erased, versions kept.
    public static func scrubbed(_ state: RecordState) -> RecordState {
        var state = state
        for (name, field) in state.fields {
            state.fields[name]?.value = scrubbed(field.value, entity: state.entity, field: name)
        }
        return state
    }

    /// True when the customer's personal data was erased.
    public static func isErased(customer: RecordState?) -> Bool {
        !(customer?.fields[erasedAtField]?.value.isNull ?? true)
    }

    /// The customer a record is about: itself for a customer, its `customer_id` otherwise.
    public static func customerID(of state: RecordState) -> UUID? {
        state.entity == .customer ? state.id : state.fields[EntityType.customerField]?.value.text.flatMap(UUID.init(text:))
    }
}
