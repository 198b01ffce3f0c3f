import Foundation
import GRDB
import TouchpointModel
import TouchpointRecords

/// What `touchpoint-agent status` and `touchpointctl inspect` show about an agent database.
public struct AgentStatus: Hashable, Sendable, Codable {
    public var siteID: String
    public var agentID: String
    public var server: String?
    /// Live (non-deleted) records per entity.
    public var records: [String: Int]
    /// Changes waiting to be pushed.
    public var outboxDepth: Int
    /// When the oldest unsynced change was made.
    public var oldestUnsynced: Date?
    public var deadLetters: Int
    public var pullCursor: UInt64
    public var lastSyncAt: Date?
    public var lastError: String?
    /// What the last clock repair did, when one ran.
    public var clockRepair: String?
}

extension AgentStore {
    /// Counts and sync bookkeeping.
    public func status() throws -> AgentStatus {
        try writer.read { db in
            let identity = try Self.identity(db)
            var records: [String: Int] = [:]
            for entity in EntityType.allCases {
                records[entity.rawValue] = try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM \(RecordSchema.table(entity)) WHERE deleted = 0") ?? 0
            }
            let outbox = try Row.fetchOne(db, sql: "SELECT count(*) AS n, min(created_at) AS oldest FROM outbox")!
            return AgentStatus(
                siteID: identity.site.description,
                agentID: identity.agentID.lowercasedText,
                server: try Meta.get(.server, db),
                records: records,
                outboxDepth: outbox["n"],
                oldestUnsynced: (outbox["oldest"] as Int64?).map(Date.init(milliseconds:)),
                deadLetters: try Int.fetchOne(db, sql: "SELECT count(*) FROM dead_letters") ?? 0,
                pullCursor: try Self.pullCursor(db),
                lastSyncAt: (try Meta.get(.lastSyncAt, db)).flatMap(Int64.init).map(Date.init(milliseconds:)),
                lastError: try Meta.get(.lastError, db),
                clockRepair: try Meta.get(.clockRepair, db)
            )
        }
    }

    /// Changes waiting to be pushed (one COUNT, for loops that poll).
    public func outboxDepth() throws -> Int {
        try writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM outbox") ?? 0 }
    }

    /// The server sequence up to which changes have been pulled and applied.
    public func pullCursor() throws -> UInt64 {
        try writer.read(Self.pullCursor)
    }

    static func pullCursor(_ db: Database) throws -> UInt64 {
        (try Meta.get(.pullCursor, db)).flatMap(UInt64.init) ?? 0
    }
}
