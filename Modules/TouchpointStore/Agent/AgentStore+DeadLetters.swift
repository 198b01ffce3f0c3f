import Foundation
import GRDB
import TouchpointModel

extension AgentStore {
    /// Moves one queued change to the dead-letter list and rolls it back locally, so
    /// this laptop holds what the server holds (and its next edit is based on that).
    public func deadLetter(seq: Int64, code: String, message: String, now: Date = Date()) throws {
        try settle(rejections: [(seq, code, message)], acknowledgedUpTo: nil, now: now)
    }

    /// Applies a push acknowledgement in one transaction: refused changes go to the dead
    /// letters and are rolled back (newest first), acknowledged ones leave the outbox.
    public func settle(
        rejections: [(seq: Int64, code: String, message: String)], acknowledgedUpTo acked: Int64?, now: Date = Date()
    ) throws {
        try writer.write { db in
            let queue = OutboxQueue(db: db)
            for rejection in rejections.sorted(by: { $0.seq > $1.seq }) {
                guard let row = try Row.fetchOne(db, sql: "SELECT * FROM outbox WHERE seq = ?", arguments: [rejection.seq]) else {
                    continue
                }
                try queue.rollBack(try Self.outboxEntry(row).change, prior: row["prior"])
                try db.execute(
                    sql: """
                        INSERT INTO dead_letters(seq, entity, entity_id, change, created_at, prior, code, message, failed_at)
                        SELECT seq, entity, entity_id, change, created_at, prior, ?, ?, ? FROM outbox WHERE seq = ?
                        """, arguments: [rejection.code, rejection.message, Int64(HLC.milliseconds(now)), rejection.seq])
                try db.execute(sql: "DELETE FROM outbox WHERE seq = ?", arguments: [rejection.seq])
            }
            if let acked { try db.execute(sql: "DELETE FROM outbox WHERE seq <= ?", arguments: [acked]) }
        }
    }

    /// Every dead letter, oldest first.
    public func deadLetters() throws -> [DeadLetter] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM dead_letters ORDER BY seq").map { row in
                DeadLetter(
                    entry: try Self.outboxEntry(row), code: row["code"], message: row["message"],
                    failedAt: Date(milliseconds: row["failed_at"]))
            }
        }
    }

    /// Drops dead letters for good (nil: all of them); returns how many.
    @discardableResult
    public func discardDeadLetters(_ seqs: [Int64]?) throws -> Int {
        try writer.write { db in
            let all = try Int64.fetchAll(db, sql: "SELECT seq FROM dead_letters")
            let doomed = all.filter { seq in seqs.map { $0.contains(seq) } ?? true }
            for seq in doomed { try db.execute(sql: "DELETE FROM dead_letters WHERE seq = ?", arguments: [seq]) }
            return doomed.count
        }
    }

    /// Queues dead letters again as new local edits (nil: all of them), e.g. once an
    /// admin has given this agent the territory it lacked. Each is re-applied locally
    /// with a fresh version; returns how many were queued.
    @discardableResult
    public func retryDeadLetters(_ seqs: [Int64]?, now: Date = Date()) throws -> Int {
        try writer.write { db in
            var writer = try LocalWriter(db)
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM dead_letters ORDER BY seq")
                .filter { row in seqs.map { $0.contains(row["seq"]) } ?? true }
            for row in rows {
                let change = try Self.outboxEntry(row).change
                let values = Dictionary(change.written.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
                try writer.write(change.entity, change.id, values, now: now)
                try db.execute(sql: "DELETE FROM dead_letters WHERE seq = ?", arguments: [row["seq"] as Int64])
            }
            try writer.finish()
            return rows.count
        }
    }
}
