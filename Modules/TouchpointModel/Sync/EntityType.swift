import Foundation

/// The kinds of synced record.
public enum EntityType: String, CaseIterable, Hashable, Sendable, Codable {
    case customer
    case interaction
    case supportCase = "case"
    case feedback
    case followUp = "follow_up"
    case note

    /// Append-only facts: re-sending one is a no-op, and edits after creation are refused.
    public var isAppendOnly: Bool {
        switch self {
        case .interaction, .feedback, .note: true
        case .customer, .supportCase, .followUp: false
        }
    }
}

extension EntityType {
    /// The field of every record but a customer that names the customer it is about
    /// (its territory is its customer's).
    public static let customerField = "customer_id"

    /// How users call this entity in messages.
    public var displayName: String {
        switch self {
        case .supportCase: "case"
        case .followUp: "follow-up"
        default: rawValue
        }
    }
}
