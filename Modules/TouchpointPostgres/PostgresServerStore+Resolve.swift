import Foundation
import PostgresNIO
import TouchpointModel
import TouchpointProtocol
import TouchpointRecords
import TouchpointServer

extension PostgresServerStore {
    public func resolveConflict(id: Int64, keep: ConflictResolution, by admin: UUID, now: Date) async throws -> ConflictRecord {
        try await retryingRaces {
            try await write { [self] connection in
                guard let record = try await conflict(id: id, locking: true, on: connection) else {
                    throw StoreError(kind: .notFound, message: "no conflict with id \(id)")
                }
                guard record.resolvedAt == nil else { throw StoreError(kind: .refused, message: "conflict \(id) was already resolved") }
                let label = switch keep {
                case .winner: "winner"
                case .loser: "loser"
                case .value: "value"
                }
                var candidates: [ConflictRecord] = []
                let rows = try await connection.query(
                    """
                    SELECT \(unescaped: Self.conflictColumns) FROM conflicts
                    WHERE entity = \(record.entity.rawValue) AND entity_id = \(record.entityID.lowercasedText)
                      AND detected_at = \(record.detectedAt.milliseconds)
                    """, logger: logger)
                for try await row in rows { candidates.append(try conflict(row)) }
                let siblings = ConflictResolutionPlan.siblings(of: record, among: candidates)
                let serverID = try await clock(on: connection).site
                let context = try await pushContext(
                    for: ConflictResolutionPlan.candidates(for: record, keep: keep, siblings: siblings), site: serverID, sequences: [],
                    on: connection)
                if let plan = try ConflictResolutionPlan.plan(
                    for: record, keep: keep, siblings: siblings, by: admin, now: now, context: context)
                {
                    try await write(plan, pushedBy: nil, now: now, on: connection)
                }
                let resolved = Set(siblings.filter { $0.resolvedAt == nil }.map(\.id) + [id]).sorted()
                try await connection.query(
                    """
                    UPDATE conflicts SET resolved_at = \(now.milliseconds), resolved_by = \(admin.lowercasedText), resolution = \(label)
                    WHERE id = ANY(\(resolved))
                    """, logger: logger)
                guard let updated = try await conflict(id: id, locking: false, on: connection) else {
                    throw StoreError(kind: .notFound, message: "no conflict with id \(id)")
                }
                return updated
            }
        }
    }

    /// One conflict read in the caller's transaction; `locking` holds it until commit (one resolution at a time).
    private func conflict(id: Int64, locking: Bool, on connection: PostgresConnection) async throws -> ConflictRecord? {
        let lock = locking ? " FOR UPDATE" : ""
        let rows = try await connection.query(
            "SELECT \(unescaped: Self.conflictColumns) FROM conflicts WHERE id = \(id)\(unescaped: lock)", logger: logger)
        for try await row in rows { return try conflict(row) }
        return nil
    }
}
