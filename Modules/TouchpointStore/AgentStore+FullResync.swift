import Foundation
import GRDB
import TouchpointModel
import TouchpointRecords

extension AgentStore {
    /// Drops every record this laptop holds and rewinds its pull cursor to 0, in one
    /// transaction, for the full resync a server asks of an agent it marked stale
    /// (tombstones this laptop never pulled may be purged there, so what it holds cannot
    /// be trusted). Only with an empty outbox: nothing unsynced is ever dropped.
    ///
    /// - Returns: the records dropped, or nil when the outbox is not empty (nothing changed).
    public func dropRecordsForFullResync() throws -> Int? {
        try writer.write { db in
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM outbox") == 0 else { return nil }
            var dropped = 0
            for entity in EntityType.dependencyOrder.reversed() {
                try db.execute(sql: "DELETE FROM \(RecordSchema.table(entity))")
                dropped += db.changesCount
            }
            try Meta.set(.pullCursor, "0", db)
            return dropped
        }
    }
}
