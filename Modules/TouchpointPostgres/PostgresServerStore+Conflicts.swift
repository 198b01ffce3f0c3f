import Foundation
import PostgresNIO
import TouchpointModel
import TouchpointProtocol
import TouchpointRecords
import TouchpointServer

extension PostgresServerStore {
    public func conflicts(_ filter: ConflictFilter) async throws -> [ConflictRecord] {
        var conditions = ["TRUE"]
        var binds = PostgresBindings()
        func parameter(_ value: some PostgresDynamicTypeEncodable) -> String {
            binds.append(value)
            return "$\(binds.count)"
        }
        if filter.openOnly { conditions.append("resolved_at IS NULL") }
        if let agent = filter.agentID {
            let agent = parameter(agent.lowercasedText)
            conditions.append("(winner_agent = \(agent) OR loser_agent = \(agent))")
        }
        if let entity = filter.entity { conditions.append("entity = \(parameter(entity.rawValue))") }
        if let afterID = filter.afterID { conditions.append("id > \(parameter(afterID))") }
        let order = filter.afterID == nil ? "DESC" : "ASC"
        let query = PostgresQuery(
            unsafeSQL: """
                SELECT \(Self.conflictColumns) FROM conflicts WHERE \(conditions.joined(separator: " AND "))
                ORDER BY id \(order) LIMIT \(parameter(Int64(filter.limit)))
                """,
            binds: binds)
        return try await withConnection { [self] connection in
            var records: [ConflictRecord] = []
            for try await row in try await connection.query(query, logger: logger) { records.append(try conflict(row)) }
            return records
        }
    }

    public func conflict(id: Int64) async throws -> ConflictRecord? {
        try await withConnection { [self] connection in
            let rows = try await connection.query(
                "SELECT \(unescaped: Self.conflictColumns) FROM conflicts WHERE id = \(id)", logger: logger)
            for try await row in rows { return try conflict(row) }
            return nil
        }
    }

    public func record(_ entity: EntityType, id: UUID) async throws -> RecordState? {
        try await withConnection { [self] connection in
            var table = PostgresRecordTable(logger: logger)
            return try await table.load(entity, [id], on: connection)[id]
        }
    }

    /// The columns of `conflicts` that ``conflict(_:)`` reads, in its order.
    static let conflictColumns = """
        id, entity, entity_id, field, winner, loser, winner_agent, loser_agent, detected_at, resolved_at, resolved_by, resolution
        """

    /// The conflict a row of ``conflictColumns`` describes; the two sides are `FieldState` JSON, as in SQLite.
    func conflict(_ row: PostgresRow) throws -> ConflictRecord {
        let (id, entityName, entityText, field, winner, loser, winnerAgent, loserAgent, detectedAt, resolvedAt, resolvedBy, resolution) =
            try row.decode(
                (Int64, String, String, String, String, String, String?, String?, Int64, Int64?, String?, String?).self)
        guard let entity = EntityType(rawValue: entityName), let entityID = UUID(uuidString: entityText) else {
            throw StoreError(kind: .corrupt, message: "bad conflict row \(id)")
        }
        return ConflictRecord(
            id: id, entity: entity, entityID: entityID, field: field,
            winner: ConflictRecord.Side(
                try decoder.decode(FieldState.self, from: Data(winner.utf8)), agent: winnerAgent.flatMap(UUID.init(uuidString:))),
            loser: ConflictRecord.Side(
                try decoder.decode(FieldState.self, from: Data(loser.utf8)), agent: loserAgent.flatMap(UUID.init(uuidString:))),
            detectedAt: Date(milliseconds: detectedAt), resolvedAt: resolvedAt.map { Date(milliseconds: $0) },
            resolvedBy: resolvedBy.flatMap(UUID.init(uuidString:)), resolution: resolution)
    }
}
