import Foundation

/// Fields bound by a domain rule merge as one unit with one version.
///
/// A case's `status` and `resolved_at` (a resolved or closed case has a resolution
/// time), a follow-up's `status` and `completed_at`: merged field by field, two
/// valid concurrent edits could leave `closed` with no `resolved_at`. As a group
/// the newest write of the whole group wins, so every merged state is valid.
/// The groups are declared in each entity's ``EntityDescriptor``.
extension EntityType {
    /// The field groups of this entity (each a list of field names).
    public var fieldGroups: [[String]] { descriptor.groups }

    /// The group a field belongs to, or nil when it merges alone.
    public func group(of field: String) -> [String]? { descriptor.group(of: field) }
}
