import Foundation
import TouchpointStore

extension SyncEngine {
    /// What a server that marked this agent stale asks (Welcome `resync_required`): once
    /// the push has emptied the outbox, drop everything held and the cursor, so the pull
    /// brings back exactly what the server holds — records whose tombstones it purged
    /// meanwhile are gone. With changes still queued (refused by a clock, cut off), the
    /// laptop keeps everything and a later sync resyncs; nothing unsynced is dropped.
    func resyncWhole(_ summary: inout SyncSummary) throws {
        let why = "the server marked this agent stale (silent longer than its stale horizon) and may have purged deletions it never pulled"
        guard let dropped = try store.dropRecordsForFullResync() else {
            summary.fullResyncDeferred = "\(why); \(try store.outboxDepth()) unsynced change(s) must be pushed first"
            return
        }
        summary.fullResync = "\(why): dropped \(dropped) synced record(s) and pulled everything again"
    }
}
