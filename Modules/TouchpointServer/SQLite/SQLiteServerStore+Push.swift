import Foundation
import GRDB
import TouchpointModel
import TouchpointProtocol
import TouchpointRecords

extension SQLiteServerStore {
    public func push(
        _ entries: [SequencedChange], after previous: UInt64?, from principal: Principal, now: Date
    ) async throws -> PushAcknowledgement {
        try await writer.writeWithoutTransaction { db in
            func attempt(isolating: Bool) throws -> PushAcknowledgement {
                var acknowledgement: PushAcknowledgement?
                try db.inTransaction {
                    var session = PushTransaction(db: db, principal: principal, now: now, encoder: encoder, isolating: isolating)
                    acknowledgement = try session.apply(entries, after: previous)
                    return .commit
                }
                return acknowledgement!
            }
            // First without savepoints; when a change fails, again with one per change to refuse it alone.
            do {
                return try attempt(isolating: false)
            } catch is PushTransaction.NeedsIsolation {
                return try attempt(isolating: true)
            }
        }
    }
}
