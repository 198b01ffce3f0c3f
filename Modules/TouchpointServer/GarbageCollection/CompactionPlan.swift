import Foundation
import TouchpointModel

/// What a garbage collection decided, for the store to write in the transaction
/// that read its facts. The store decides nothing.
package struct CompactionPlan: Sendable {
    /// One entry to write in place of a record's: the record whole as of the horizon
    /// (a replay), at a sequence one of them had, under the territory it was in then.
    package struct Entry: Sendable {
        package var sequence: UInt64
        package var change: Change
        package var territory: String
    }

    /// Deleted records to remove with every entry of theirs.
    package var purges: [LoggedRecord] = []
    /// Entries to delete for compactions (every entry at or below the horizon of a compacted record).
    package var replaced: [UInt64] = []
    /// Entries to write in their place.
    package var written: [Entry] = []
    /// Agents to mark stale.
    package var markStale: [UUID] = []
    /// The report so far (a store that leaves out a purge takes it off).
    package var report: GarbageCollectionReport
}
