import ArgumentParser
import Foundation
import TouchpointCLI
import TouchpointModel
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
