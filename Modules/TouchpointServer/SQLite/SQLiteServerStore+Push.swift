import Foundation
import GRDB
import TouchpointModel
import TouchpointProtocol
import TouchpointRecords

extension SQLiteServerStore {
    public func push(
        _ entries: [SequencedChange], after previous: UInt64?, from principal: Principal, now: Date
    ) async throws -> PushAcknowledgement {
        try await writer.write { db in
            var session = PushTransaction(db: db, principal: principal, now: now, encoder: encoder)
            return try session.apply(entries, after: previous)
        }
    }
}
