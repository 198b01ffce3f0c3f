import TouchpointModel
import TouchpointRecords

extension GarbageCollector {
    /// The entities whose records can be deleted (the others are append-only).
    package static var deletable: [EntityType] { EntityType.allCases.filter { !$0.isAppendOnly } }

    /// The query, the same on every store, of the deleted records of `entity`: column
    /// `id`, and `referenced`, true when a record refers to it (``references``) or an
    /// open conflict names it.
    package static func tombstonesSQL(_ entity: EntityType) -> String {
        var uses = (references[entity] ?? []).map { reference in
            "EXISTS (SELECT 1 FROM \(RecordSchema.table(reference.entity)) d WHERE d.\(reference.column) = r.id)"
        }
        uses.append(
            "EXISTS (SELECT 1 FROM conflicts c WHERE c.entity = '\(entity.rawValue)' AND c.entity_id = r.id AND c.resolved_at IS NULL)")
        return "SELECT r.id, (\(uses.joined(separator: " OR "))) AS referenced FROM \(RecordSchema.table(entity)) r WHERE r.deleted"
    }
}
