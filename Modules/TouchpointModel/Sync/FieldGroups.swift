import Foundation

/// Fields bound by a domain rule merge as one unit with one version.
///
/// A case's `status` and `resolved_at` (a resolved or closed case has a resolution
/// time), a follow-up's `status` and `completed_at`: merged field by field, two
/// valid concurrent edits could leave `closed` with no `resolved_at`. As a group
/// the newest write of the whole group wins, so every merged state is valid.
extension EntityType {
    /// The field groups of this entity (each a list of field names).
    public var fieldGroups: [[String]] {
        switch self {
        case .supportCase: [["status", "resolved_at"]]
        case .followUp: [["status", "completed_at"]]
        case .customer, .interaction, .feedback, .note: []
        }
    }

    /// The group a field belongs to, or nil when it merges alone.
    public func group(of field: String) -> [String]? {
        fieldGroups.first { $0.contains(field) }
    }
}
