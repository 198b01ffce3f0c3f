import Foundation
import GRDB
import TouchpointModel
import TouchpointRecords

/// The embedded server store: one SQLite database in WAL mode.
///
/// Push batches are serialized by SQLite's single writer, so change sequences
/// are assigned in commit order and a pull never skips a late commit.
public struct SQLiteServerStore: ServerStore {
    let writer: any DatabaseWriter
    let encoder = JSONEncoder()
    let decoder = JSONDecoder()

    /// Opens (creating if needed) `DIR/server.sqlite`.
    public init(directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try self.init(writer: try DatabasePool(path: directory + "/server.sqlite", configuration: .touchpointStore))
    }

    /// Wraps a writer (tests pass an in-memory `DatabaseQueue`) and migrates it.
    public init(writer: any DatabaseWriter) throws {
        self.writer = writer
        try ServerSchema.migrator.migrate(writer)
        try writer.write { db in
            if try Self.meta("server_id", db) == nil { try Self.setMeta("server_id", SiteID.random().description, db) }
            if try Self.meta("epoch", db) == nil { try Self.setMeta("epoch", ServerEpoch.random().rawValue, db) }
        }
    }

    /// True when `DIR/server.sqlite` exists.
    public static func exists(directory: String) -> Bool {
        FileManager.default.fileExists(atPath: directory + "/server.sqlite")
    }

    public func info() async throws -> ServerInfo {
        try await writer.read { db in
            ServerInfo(
                serverID: try Self.serverID(db), epoch: try Self.epoch(db), backend: "sqlite", head: try Self.head(db),
                openConflicts: try Int.fetchOne(db, sql: "SELECT count(*) FROM conflicts WHERE resolved_at IS NULL") ?? 0)
        }
    }

    static func serverID(_ db: Database) throws -> SiteID {
        guard let text = try meta("server_id", db), let site = SiteID(text) else {
            throw StoreError(kind: .corrupt, message: "server database has no server id")
        }
        return site
    }

    static func epoch(_ db: Database) throws -> ServerEpoch {
        guard let text = try meta("epoch", db), let epoch = ServerEpoch(rawValue: text) else {
            throw StoreError(kind: .corrupt, message: "server database has no epoch")
        }
        return epoch
    }

    static func head(_ db: Database) throws -> UInt64 {
        UInt64(try Int64.fetchOne(db, sql: "SELECT max(seq) FROM changes") ?? 0)
    }

    static func meta(_ key: String, _ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM server_meta WHERE key = ?", arguments: [key])
    }

    static func setMeta(_ key: String, _ value: String, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO server_meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            arguments: [key, value])
    }

    /// Records that the change log was rewritten in place up to `sequence` (``LogBounds/rewrittenThrough``).
    static func logRewritten(through sequence: UInt64, _ db: Database) throws {
        let through = max(sequence, (try meta("log_rewritten_through", db)).flatMap(UInt64.init) ?? 0)
        try setMeta("log_rewritten_through", String(through), db)
    }

    static func clock(_ db: Database) throws -> HybridLogicalClock {
        let last = (try meta("hlc_last", db)).flatMap(UInt64.init).map(HLC.init(rawValue:)) ?? .zero
        return HybridLogicalClock(site: try serverID(db), last: last)
    }

    static func saveClock(_ clock: HybridLogicalClock, _ db: Database) throws {
        try setMeta("hlc_last", String(clock.last.rawValue), db)
    }
}

extension UUID {
    /// Lowercase text, the form ids take in SQL and on the wire.
    var text: String { lowercasedText }
}

extension Date {
    package var milliseconds: Int64 { Int64(HLC.milliseconds(self)) }
}
