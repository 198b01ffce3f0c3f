import Foundation
import GRDB
import TouchpointModel
import TouchpointStore

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
        arguments.append(filter.limit.databaseValue)
        let sql = "SELECT * FROM conflicts WHERE \(conditions.joined(separator: " AND ")) ORDER BY id DESC LIMIT ?"
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
            let value: FieldValue
            let label: String
            switch keep {
            case .winner: (value, label) = (record.winner.value, "winner")
            case .loser: (value, label) = (record.loser.value, "loser")
            case .value(let v): (value, label) = (v, "value")
            }
            var table = RecordTable()
            let current = try table.load(record.entity, record.entityID, db)?.fields[record.field]
            if current?.value != value {
                var clock = try Self.clock(db)
                let version = clock.tick(now: now)
                let change = Change(
                    entity: record.entity, id: record.entityID,
                    fields: [FieldChange(name: record.field, value: value, version: version, base: current?.version)])
                let principal = Principal(
                    agentID: admin, name: "admin", role: .admin, territories: [], site: clock.site)
                var session = PushTransaction(db: db, principal: principal, now: now, encoder: encoder)
                let result = try session.table.merge(change, validate: true, db)
                try session.log(change, applied: result.applied)
                try Self.saveClock(clock, db)
            }
            try db.execute(
                sql: "UPDATE conflicts SET resolved_at = ?, resolved_by = ?, resolution = ? WHERE id = ?",
                arguments: [now.milliseconds, admin.text, label, id])
            return try conflict(try Row.fetchOne(db, sql: "SELECT * FROM conflicts WHERE id = ?", arguments: [id])!)
        }
    }

    public func conflict(id: Int64) async throws -> ConflictRecord? {
        try await writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM conflicts WHERE id = ?", arguments: [id]).map(conflict)
        }
    }

    func conflict(_ row: Row) throws -> ConflictRecord {
        guard let entity = EntityType(rawValue: row["entity"]), let entityID = UUID(uuidString: row["entity_id"]) else {
            throw StoreError(kind: .corrupt, message: "bad conflict row \(row)")
        }
        return ConflictRecord(
            id: row["id"], entity: entity, entityID: entityID, field: row["field"],
            winner: try decoder.decode(FieldState.self, from: Data((row["winner"] as String).utf8)),
            loser: try decoder.decode(FieldState.self, from: Data((row["loser"] as String).utf8)),
            winnerAgent: (row["winner_agent"] as String?).flatMap(UUID.init(uuidString:)),
            loserAgent: (row["loser_agent"] as String?).flatMap(UUID.init(uuidString:)),
            detectedAt: Date(milliseconds: row["detected_at"]), resolvedAt: Self.date(row["resolved_at"]),
            resolvedBy: (row["resolved_by"] as String?).flatMap(UUID.init(uuidString:)), resolution: row["resolution"])
    }
}
