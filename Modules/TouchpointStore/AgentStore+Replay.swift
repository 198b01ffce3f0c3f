import Foundation
import GRDB
import TouchpointModel
import TouchpointRecords

extension AgentStore {
    /// The epoch of the server store this database last synced with, if known.
    public func serverEpoch() throws -> ServerEpoch? {
        try meta(.serverEpoch).flatMap(ServerEpoch.init(rawValue:))
    }

    /// Remembers the epoch of the server store this database syncs with.
    public func rememberServerEpoch(_ epoch: ServerEpoch) throws {
        try setMeta(.serverEpoch, epoch.rawValue)
    }

    /// Recovers from a server restored from an older copy, in one transaction:
    /// queues, for every record held, one change carrying each field whose
    /// version this replica stamped (its base equal to its version: a replay, which
    /// merges by version and is no conflict), rewinds the pull cursor to 0, and
    /// remembers the server's new epoch. Versions stamped by other sites are left
    /// to their authors, who replay them in turn (a server refuses them from us).
    ///
    /// Returns how many changes were queued.
    @discardableResult
    public func replayForRestoredServer(epoch: ServerEpoch?) throws -> Int {
        try writer.write { db in
            let site = try Self.identity(db).site
            let insert = try db.cachedStatement(
                sql: "INSERT INTO outbox(entity, entity_id, change, created_at) VALUES (?, ?, ?, ?)")
            let now = Int64(HLC.milliseconds(Date()))
            var queued = 0
            var table = RecordTable()
            for entity in EntityType.dependencyOrder {
                try table.forEachState(entity, db) { state in
                    let own = state.fields.keys.sorted().compactMap { name -> FieldChange? in
                        guard let field = state.fields[name], field.version.site == site else { return nil }
                        return FieldChange(name: name, value: field.value, version: field.version, base: field.version)
                    }
                    guard !own.isEmpty else { return }
                    try insert.execute(arguments: [
                        entity.rawValue, state.id.lowercasedText, try StoredChange.bytes(Change(entity: entity, id: state.id, fields: own)), now,
                    ])
                    queued += 1
                }
            }
            try Meta.set(.pullCursor, "0", db)
            if let epoch { try Meta.set(.serverEpoch, epoch.rawValue, db) }
            return queued
        }
    }
}
