import Foundation
import GRDB
import TouchpointModel
import TouchpointProtocol
import TouchpointRecords

extension SQLiteServerStore {
    public func push(
        _ entries: [SequencedChange], from principal: Principal, now: Date,
        decide: @escaping @Sendable ([SequencedChange], PushContext) throws -> PushPlan
    ) async throws -> PushAcknowledgement {
        // SQLite's single writer serializes batches: sequences are assigned in commit order.
        try await writer.writeWithoutTransaction { db in
            do {
                var acknowledgement: PushAcknowledgement?
                try db.inTransaction {
                    acknowledgement = try apply(entries, from: principal, now: now, refusing: [], decide: decide, db)
                    return .commit
                }
                return acknowledgement!
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                return try applyIsolated(entries, from: principal, now: now, decide: decide, db)
            }
        }
    }

    /// The batch again, one entry at a time, each in a savepoint: an entry whose
    /// writes the store refuses is decided again as refused by the store, alone.
    private func applyIsolated(
        _ entries: [SequencedChange], from principal: Principal, now: Date,
        decide: @escaping @Sendable ([SequencedChange], PushContext) throws -> PushPlan, _ db: Database
    ) throws -> PushAcknowledgement {
        var acknowledgement: PushAcknowledgement?
        try db.inTransaction {
            for entry in entries.sorted(by: { $0.sequence < $1.sequence }) {
                var answer: PushAcknowledgement?
                do {
                    try db.inSavepoint {
                        answer = try apply([entry], from: principal, now: now, refusing: [], decide: decide, db)
                        return .commit
                    }
                } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                    answer = try apply([entry], from: principal, now: now, refusing: [entry.sequence], decide: decide, db)
                }
                if acknowledgement == nil { acknowledgement = answer } else { acknowledgement!.add(answer!) }
            }
            return .commit
        }
        return acknowledgement ?? PushAcknowledgement(ackedSequence: 0)
    }

    /// Reads the context of `entries`, decides them and writes the plan, in the caller's transaction.
    private func apply(
        _ entries: [SequencedChange], from principal: Principal, now: Date, refusing: Set<UInt64>,
        decide: ([SequencedChange], PushContext) throws -> PushPlan, _ db: Database
    ) throws -> PushAcknowledgement {
        var context = try Self.pushContext(
            for: entries.map(\.change), site: principal.site, sequences: entries.map(\.sequence), db)
        context.refusedByStore = refusing
        let plan = try decide(entries, context)
        try write(plan, pushedBy: principal, now: now, db)
        var acknowledgement = plan.acknowledgement
        acknowledgement.sequenceHead = try Self.head(db)
        return acknowledgement
    }
}
