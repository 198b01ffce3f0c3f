import Foundation
import TouchpointModel

extension EntityType {
    /// Parses an entity name as users type it: `case`, `follow_up`, `followup`, `follow-up`, `feedback`, …
    public static func named(_ text: String) -> EntityType? {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let entity = EntityType(rawValue: key) { return entity }
        switch key.replacingOccurrences(of: "-", with: "_") {
        case "followup", "follow_up", "follow_ups", "followups": return .followUp
        case "support_case", "cases": return .supportCase
        case "customers": return .customer
        case "interactions": return .interaction
        case "notes": return .note
        default: return nil
        }
    }

    /// The names ``named(_:)`` documents, for help and error texts.
    public static let typedNames = "customer, interaction, case, feedback, followup, note"

    /// Import and export order: referenced records (customers, cases) before the records that point at them.
    public static let dependencyOrder: [EntityType] = [.customer, .supportCase, .interaction, .feedback, .followUp, .note]
}
