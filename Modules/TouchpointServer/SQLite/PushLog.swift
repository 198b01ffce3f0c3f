import Foundation
import GRDB
import TouchpointModel
import TouchpointProtocol
import TouchpointRecords

/// What the server remembers of a site's recent pushes, so a replayed batch (its
/// acknowledgement was lost) gets the same answer: the same refusals, and no
/// silent success for a different change under a sequence already used.
///
/// A client sends a batch only from its first unacknowledged outbox entry, so
/// entries below the start of a new batch were acknowledged and are forgotten.
/// A sequence at or below the acknowledged one that is not remembered, or that is
/// remembered with another fingerprint, means the site's sequences went backwards:
/// the laptop database was copied or restored, and the push is refused.
struct PushLog {
    let site: String
    let db: Database

    /// Opens the log of `site` and forgets what lies below the batch's first sequence.
    init(site: String, db: Database, batchStart: UInt64?) throws {
        self.site = site
        self.db = db
        if let batchStart {
            try db.execute(sql: "DELETE FROM push_log WHERE site = ? AND seq < ?", arguments: [site, Int64(batchStart)])
        }
    }

    /// A stable 64-bit fingerprint of a change's content.
    static func fingerprint(_ change: Change) -> Int64 {
        Int64(bitPattern: RecordDigest.fingerprint(
            [change.entity.rawValue, change.id.lowercasedText, FieldChangeCoding.encode(change.fields)]))
    }

    /// The answer to a replayed entry: its refusal again, or nil for a duplicate.
    func replay(_ entry: SequencedChange, fingerprint: Int64) throws -> Rejection? {
        let row = try Row.fetchOne(
            db, sql: "SELECT fingerprint, code, message FROM push_log WHERE site = ? AND seq = ?",
            arguments: [site, Int64(entry.sequence)])
        guard let row, row["fingerprint"] as Int64 == fingerprint else {
            throw ProtocolError(
                .failedPrecondition,
                "site \(site) already pushed change \(entry.sequence) with other content: this agent database was copied "
                    + "from another laptop or restored from a backup; run `touchpoint-agent reset-site` to give it a site "
                    + "of its own and push its work again")
        }
        guard let number: Int = row["code"] else { return nil }
        return Rejection(sequence: entry.sequence, code: ProtocolError.Code(rawValue: number) ?? .invalidArgument, message: row["message"])
    }

    /// Remembers a new entry and its refusal, if any.
    func remember(_ seq: UInt64, fingerprint: Int64, rejection: Rejection?) throws {
        try db.cachedStatement(
            sql: "INSERT OR REPLACE INTO push_log(site, seq, fingerprint, code, message) VALUES (?, ?, ?, ?, ?)"
        ).execute(arguments: [site, Int64(seq), fingerprint, rejection?.code.rawValue, rejection?.message])
    }
}
