import Foundation
import GRDB
import TouchpointModel

extension AgentStore {
    /// Creates a record; throws if one with the same id exists.
    public func create<R: SyncRecord>(_ record: R, now: Date = Date()) throws {
        try create([record], now: now)
    }

    /// Creates many records in one transaction (all or none).
    public func create(_ records: [any SyncRecord], now: Date = Date()) throws {
        try writer.write { db in
            var writer = try LocalWriter(db)
            for record in records {
                try record.validate()
                try writer.create(type(of: record).entity, record.id, record.fields, now: now)
            }
            try writer.finish()
        }
    }

    /// Edits a record: the closure changes a typed copy; only fields that differ are stamped and queued.
    @discardableResult
    public func update<R: SyncRecord>(_ type: R.Type, id: UUID, now: Date = Date(), _ edit: (inout R) throws -> Void)
        throws -> R
    {
        try writer.write { db in
            var writer = try LocalWriter(db)
            guard var record: R = try writer.typed(R.self, id) else { throw StoreError.notFound(R.entity, id.uuidString) }
            guard !R.entity.isAppendOnly else {
                throw StoreError.refused("\(R.entity.displayName) records are append-only and cannot be edited")
            }
            try edit(&record)
            try record.validate()
            try writer.write(R.entity, id, record.fields, now: now)
            try writer.finish()
            return record
        }
    }

    /// Deletes a record with a tombstone that syncs like any field.
    public func delete(_ entity: EntityType, id: UUID, now: Date = Date()) throws {
        guard !entity.isAppendOnly else {
            throw StoreError.refused("\(entity.displayName) records are append-only and cannot be deleted")
        }
        try writer.write { db in
            var writer = try LocalWriter(db)
            guard let state = try writer.table.load(entity, id, db), !state.isDeleted else {
                throw StoreError.notFound(entity, id.uuidString)
            }
            try writer.write(entity, id, [tombstoneField: .integer(1)], now: now)
            try writer.finish()
        }
    }
}
