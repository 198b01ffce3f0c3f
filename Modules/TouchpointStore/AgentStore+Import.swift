import Foundation
import GRDB
import TouchpointModel
import TouchpointRecords

extension AgentStore {
    /// Creates a batch of imported records in one transaction; a bad row never takes
    /// good rows down.
    ///
    /// The batch is written set-based (``ImportBatch``), with no savepoint: a savepoint
    /// open makes SQLite journal every page each statement touches. When a row fails
    /// there, the transaction is rolled back and the batch written again with each row
    /// in its own savepoint, so the bad row is rolled back alone and reported. A row whose id
    /// exists (even deleted) counts as a duplicate and is left untouched, so
    /// re-importing a file is a no-op. A row pointing at a customer that does not
    /// exist is refused. Every created row is queued in the outbox like any local write.
    public func importBatch(_ rows: [ImportRow], now: Date = Date()) throws -> ImportBatchResult {
        let batch = ImportBatch(rows: rows, now: now)
        do {
            return try writer.write { db in try batch.write(db, isolating: false) }
        } catch where ImportBatch.isRowFailure(error) {
            return try writer.write { db in try batch.write(db, isolating: true) }
        }
    }
}
