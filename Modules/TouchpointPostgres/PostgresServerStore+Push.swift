import Foundation
import TouchpointModel
import TouchpointProtocol
import TouchpointServer

/// Push and conflict resolution write through the rules above storage (a plan the
/// push planner makes, which the store writes with ``PostgresRecordTable/save(_:on:)``);
/// until that is wired, both refuse with one line.
extension PostgresServerStore {
    public func push(
        _ entries: [SequencedChange], after previous: UInt64?, from principal: Principal, now: Date
    ) async throws -> PushAcknowledgement {
        throw Self.notWired("push")
    }

    public func resolveConflict(id: Int64, keep: ConflictResolution, by admin: UUID, now: Date) async throws -> ConflictRecord {
        throw Self.notWired("conflict resolution")
    }

    private static func notWired(_ operation: String) -> PostgresStoreError {
        PostgresStoreError(.server, "\(operation) is not wired to the PostgreSQL store yet")
    }
}
