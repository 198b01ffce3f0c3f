import Foundation
import GRDB
import TouchpointModel
import TouchpointProtocol
import TouchpointRecords

extension SQLiteServerStore {
    public func eraseCustomer(_ id: UUID, by admin: UUID, now: Date) async throws -> ErasureReport {
        try await writer.write { [self] db in
            let context = try Self.pushContext(for: [], site: try Self.serverID(db), sequences: [], wholeCustomers: [id], db)
            var loggedIn = Set<String>()
            for ids in Self.batches(of: CustomerErasure.ids(about: id, in: context)) {
                loggedIn.formUnion(try String.fetchAll(
                    db, sql: "SELECT DISTINCT territory FROM changes WHERE entity_id IN (\(Self.marks(ids.count)))",
                    arguments: StatementArguments(ids)))
            }
            let erasure = try CustomerErasure(of: id, by: admin, now: now, context: context, loggedIn: loggedIn)
            try write(erasure.plan, pushedBy: nil, now: now, db)
            let head = try Self.head(db)
            let logEntries = try scrubLog(erasure, db)
            // Pull pages cached before now may hold what was scrubbed: they are read again.
            if logEntries > 0 { try Self.logRewritten(through: head, db) }
            return erasure.report(
                logEntries: logEntries, conflicts: try scrubConflicts(erasure, db), messages: try scrubMessages(erasure, db),
                sequence: head, now: now)
        }
    }

    /// Rewrites the change-log entries of the erased records without their personal values.
    private func scrubLog(_ erasure: CustomerErasure, _ db: Database) throws -> Int {
        var rewritten = 0
        let update = try db.cachedStatement(sql: "UPDATE changes SET record = ? WHERE seq = ?")
        for ids in Self.batches(of: erasure.ids) {
            let rows = try Row.fetchAll(
                db, sql: "SELECT seq, record FROM changes WHERE entity_id IN (\(Self.marks(ids.count)))",
                arguments: StatementArguments(ids))
            for row in rows {
                guard let scrubbed = CustomerErasure.scrubbed(try Change(recordBytes: row["record"])) else { continue }
                try update.execute(arguments: [try scrubbed.recordBytes(), row["seq"] as Int64])
                rewritten += 1
            }
        }
        return rewritten
    }

    /// Rewrites the conflict records of the erased records without their personal values.
    private func scrubConflicts(_ erasure: CustomerErasure, _ db: Database) throws -> Int {
        var rewritten = 0
        for ids in Self.batches(of: erasure.ids) {
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM conflicts WHERE entity_id IN (\(Self.marks(ids.count)))", arguments: StatementArguments(ids))
            for row in rows {
                let record = try conflict(row)
                let winner = CustomerErasure.scrubbed(record.winner.state, entity: record.entity, field: record.field)
                let loser = CustomerErasure.scrubbed(record.loser.state, entity: record.entity, field: record.field)
                guard winner != nil || loser != nil else { continue }
                try db.execute(
                    sql: "UPDATE conflicts SET winner = ?, loser = ? WHERE id = ?",
                    arguments: [
                        String(decoding: try encoder.encode(winner ?? record.winner.state), as: UTF8.self),
                        String(decoding: try encoder.encode(loser ?? record.loser.state), as: UTF8.self), record.id,
                    ])
                rewritten += 1
            }
        }
        return rewritten
    }

    /// Replaces remembered refusals and sync errors that name an erased record (they may quote a personal value).
    private func scrubMessages(_ erasure: CustomerErasure, _ db: Database) throws -> Int {
        var replaced = 0
        for row in try Row.fetchAll(db, sql: "SELECT site, seq, message FROM push_log WHERE message IS NOT NULL") {
            guard let message = erasure.scrubbed(message: row["message"]) else { continue }
            try db.execute(
                sql: "UPDATE push_log SET message = ? WHERE site = ? AND seq = ?", arguments: [message, row["site"] as String, row["seq"] as Int64])
            replaced += 1
        }
        for row in try Row.fetchAll(db, sql: "SELECT agent_id, last_error FROM sync_state WHERE last_error IS NOT NULL") {
            guard let message = erasure.scrubbed(message: row["last_error"]) else { continue }
            try db.execute(sql: "UPDATE sync_state SET last_error = ? WHERE agent_id = ?", arguments: [message, row["agent_id"] as String])
            replaced += 1
        }
        return replaced
    }

    /// The ids in batches small enough for one statement's parameters.
    private static func batches(of ids: Set<String>) -> [[String]] {
        let sorted = ids.sorted()
        let size = RecordTable.maxIDsPerQuery
        return stride(from: 0, to: sorted.count, by: size).map { Array(sorted[$0..<min($0 + size, sorted.count)]) }
    }

    private static func marks(_ count: Int) -> String { Array(repeating: "?", count: count).joined(separator: ", ") }
}
