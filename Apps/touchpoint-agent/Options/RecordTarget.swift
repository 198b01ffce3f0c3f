import ArgumentParser
import Foundation
import TouchpointCLI
import TouchpointModel
import TouchpointRecords
import TouchpointStore

/// What a command on one existing record takes: the database, `--json` and the record's id.
struct RecordTarget: ParsableArguments {
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "The record's id, or a unique prefix of it (at least 4 characters).") var id: String

    /// Opens the database and resolves the id to a live record of `entity`.
    func resolve(_ entity: EntityType) throws -> (AgentStore, UUID) {
        let database = try store.open()
        return (database, try database.resolveID(entity, id))
    }

    /// Applies `edit` in one transaction, then prints the record as JSON or as `line(record)`.
    func update<R: SyncRecord>(
        _ type: R.Type, now: Date = Date(), line: (R) -> String, _ edit: (inout R) throws -> Void
    ) throws {
        let (database, recordID) = try resolve(R.entity)
        let updated = try database.update(R.self, id: recordID, now: now, edit)
        if output.json {
            try JSONOutput.record(updated)
        } else {
            print(line(updated))
        }
    }

    /// Deletes the record with a tombstone that syncs, then prints JSON or `line(record)`.
    /// An id of an interaction, feedback answer or note is refused: those are append-only.
    func delete<R: SyncRecord>(_ type: R.Type, line: (R) -> String) throws {
        let database = try store.open()
        guard let record = try live(R.self, in: database) else {
            try refuseAppendOnly(in: database)
            throw CLIError("no \(R.entity.displayName) with id \(id)")
        }
        try database.delete(R.entity, id: record.id)
        if output.json {
            try JSONOutput.object(["deleted": true, "entity": R.entity.rawValue, "id": record.id.uuidString.lowercased()])
        } else {
            print(line(record))
        }
    }

    /// The live record of type `R` this id names, or nil when there is none.
    private func live<R: SyncRecord>(_ type: R.Type, in database: AgentStore) throws -> R? {
        do {
            return try database.record(R.self, id: try database.resolveID(R.entity, id))
        } catch let error as StoreError where error.kind == .notFound {
            return nil
        }
    }

    private func refuseAppendOnly(in database: AgentStore) throws {
        for entity in EntityType.allCases where entity.isAppendOnly {
            guard let record = try live(entity.recordType, in: database) else { continue }
            throw CLIError(
                "cannot delete \(entity.displayName) \(Format.short(record.id)): interactions, feedback and notes are append-only")
        }
    }
}

/// Paging and text search for the list commands.
struct ListOptions: ParsableArguments {
    @Option(help: "Only records whose main text (name, subject, note) contains this.") var search: String?
    @Option(help: "At most this many.") var limit = 50

    /// A filter with this page and search.
    var filter: RecordFilter {
        var filter = RecordFilter()
        filter.limit = limit
        filter.search = search
        return filter
    }
}
