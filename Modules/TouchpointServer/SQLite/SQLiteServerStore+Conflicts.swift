import Foundation
import GRDB
import TouchpointModel
import TouchpointProtocol
import TouchpointRecords

extension SQLiteServerStore {
    public func conflicts(_ filter: ConflictFilter) async throws -> [ConflictRecord] {
        var conditions = ["1"]
        var arguments: [DatabaseValue] = []
        if filter.openOnly { conditions.append("resolved_at IS NULL") }
        if let agent = filter.agentID {
            conditions.append("(winner_agent = ? OR loser_agent = ?)")
            arguments += [agent.text.databaseValue, agent.text.databaseValue]
        }
        if let entity = filter.entity {
            conditions.append("entity = ?")
            arguments.append(entity.rawValue.databaseValue)
        }
        if let afterID = filter.afterID {
            conditions.append("id > ?")
            arguments.append(afterID.databaseValue)
        }
        arguments.append(filter.limit.databaseValue)
        let order = filter.afterID == nil ? "DESC" : "ASC"
        let sql = "SELECT * FROM conflicts WHERE \(conditions.joined(separator: " AND ")) ORDER BY id \(order) LIMIT ?"
        let bound = StatementArguments(arguments)
        return try await writer.read { db in
            try Row.fetchAll(db, sql: sql, arguments: bound).map(conflict)
        }
    }

    public func resolveConflict(id: Int64, keep: ConflictResolution, by admin: UUID, now: Date) async throws -> ConflictRecord {
        try await writer.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM conflicts WHERE id = ?", arguments: [id]) else {
                throw StoreError(kind: .notFound, message: "no conflict with id \(id)")
            }
            let record = try conflict(row)
            guard record.resolvedAt == nil else {
                throw StoreError(kind: .refused, message: "conflict \(id) was already resolved")
            }
            let label: String
            switch keep {
            case .winner: label = "winner"
            case .loser: label = "loser"
            case .value: label = "value"
            }
            let siblings = try siblingConflicts(of: record, db)
            let context = try Self.pushContext(
                for: ConflictResolutionPlan.candidates(for: record, keep: keep, siblings: siblings),
                site: try Self.serverID(db), sequences: [], db)
            if let plan = try ConflictResolutionPlan.plan(
                for: record, keep: keep, siblings: siblings, by: admin, now: now, context: context)
            {
                try write(plan, pushedBy: nil, now: now, db)
            }
            for sibling in siblings where sibling.resolvedAt == nil && sibling.id != id {
                try db.execute(
                    sql: "UPDATE conflicts SET resolved_at = ?, resolved_by = ?, resolution = ? WHERE id = ?",
                    arguments: [now.milliseconds, admin.text, label, sibling.id])
            }
            try db.execute(
                sql: "UPDATE conflicts SET resolved_at = ?, resolved_by = ?, resolution = ? WHERE id = ?",
                arguments: [now.milliseconds, admin.text, label, id])
            return try conflict(try Row.fetchOne(db, sql: "SELECT * FROM conflicts WHERE id = ?", arguments: [id])!)
        }
    }

    /// The other conflicts detected with this one on the same field group (same record, same losing write).
    private func siblingConflicts(of record: ConflictRecord, _ db: Database) throws -> [ConflictRecord] {
        let candidates = try Row.fetchAll(
            db, sql: "SELECT * FROM conflicts WHERE entity = ? AND entity_id = ? AND detected_at = ?",
            arguments: [record.entity.rawValue, record.entityID.text, record.detectedAt.milliseconds]
        ).map(conflict)
        return ConflictResolutionPlan.siblings(of: record, among: candidates)
    }

    public func conflict(id: Int64) async throws -> ConflictRecord? {
        try await writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM conflicts WHERE id = ?", arguments: [id]).map(conflict)
        }
    }

    public func record(_ entity: EntityType, id: UUID) async throws -> RecordState? {
        try await writer.read { db in
            var table = RecordTable()
            return try table.load(entity, id, db)
        }
    }

    func conflict(_ row: Row) throws -> ConflictRecord {
        guard let entity = EntityType(rawValue: row["entity"]), let entityID = UUID(uuidString: row["entity_id"]) else {
            throw StoreError(kind: .corrupt, message: "bad conflict row \(row)")
        }
        return ConflictRecord(
            id: row["id"], entity: entity, entityID: entityID, field: row["field"],
            winner: ConflictRecord.Side(
                try decoder.decode(FieldState.self, from: Data((row["winner"] as String).utf8)),
                agent: (row["winner_agent"] as String?).flatMap(UUID.init(uuidString:))),
            loser: ConflictRecord.Side(
                try decoder.decode(FieldState.self, from: Data((row["loser"] as String).utf8)),
                agent: (row["loser_agent"] as String?).flatMap(UUID.init(uuidString:))),
            detectedAt: Date(milliseconds: row["detected_at"]), resolvedAt: Self.date(row["resolved_at"]),
            resolvedBy: (row["resolved_by"] as String?).flatMap(UUID.init(uuidString:)), resolution: row["resolution"])
    }
}
