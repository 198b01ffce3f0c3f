import Foundation

/// Dispatch from an ``EntityType`` to its typed record.
extension EntityType {
    /// The typed record for this entity.
    public var recordType: any SyncRecord.Type {
        switch self {
        case .customer: Customer.self
        case .interaction: Interaction.self
        case .supportCase: SupportCase.self
        case .feedback: FeedbackResponse.self
        case .followUp: FollowUp.self
        case .note: Note.self
        }
    }

    /// This entity's fields, described once.
    public var descriptor: EntityDescriptor { recordType.descriptor }

    /// The synced field names of this entity, in column order.
    public var fieldNames: [String] { recordType.fieldNames }

    /// Validates a full field map as this entity; throws ``ValidationError``.
    public func validate(id: UUID, fields: [String: FieldValue]) throws {
        _ = try recordType.init(id: id, fields: fields)
    }
}
