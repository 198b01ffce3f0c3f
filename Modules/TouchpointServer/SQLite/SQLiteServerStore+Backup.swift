import Foundation
import GRDB
import TouchpointModel
import TouchpointProtocol
import TouchpointRecords

extension SQLiteServerStore {
    /// Writes a consistent copy of the store to `path` with SQLite's online
    /// backup: agents may keep syncing meanwhile.
    public func backup(to path: String) throws {
        try writer.backup(to: try DatabaseQueue(path: path))
    }

    /// Starts a new life of the store: a new random epoch. Every agent sees it in
    /// Welcome and answers by re-pushing what it holds and pulling everything again.
    @discardableResult
    public func renewEpoch() async throws -> ServerEpoch {
        let epoch = ServerEpoch.random()
        try await writer.write { db in try Self.setMeta("epoch", epoch.rawValue, db) }
        return epoch
    }

    /// Replaces the store in `directory` with a copy of `backup` under a new epoch,
    /// so that agents re-push what the backup misses. The server must be stopped;
    /// a store already there is moved aside to `server.sqlite.replaced-MS`.
    /// Returns the restored store's identity and the path the replaced store was moved to, if any.
    public static func restore(
        backup: String, into directory: String, now: Date = Date()
    ) async throws -> (info: ServerInfo, replaced: String?) {
        guard let source = serverStoreBackup(at: backup) else {
            throw StoreError(kind: .invalid, message: "\(backup) is not a backup of a Touchpoint server store")
        }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/server.sqlite"
        var replaced: String?
        if FileManager.default.fileExists(atPath: path) {
            let aside = path + ".replaced-\(now.milliseconds)"
            replaced = aside
            try FileManager.default.moveItem(atPath: path, toPath: aside)
            for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
                try FileManager.default.moveItem(atPath: path + suffix, toPath: aside + suffix)
            }
        }
        try source.backup(to: try DatabaseQueue(path: path))
        let store = try SQLiteServerStore(directory: directory)
        try await store.renewEpoch()
        return (try await store.info(), replaced)
    }

    /// The audit log of a store file moved aside by ``restore(backup:into:now:)``.
    public static func auditLog(ofReplaced path: String) async throws -> [AuditEntry] {
        var readOnly = Configuration()
        readOnly.readonly = true
        return try await DatabaseQueue(path: path, configuration: readOnly).read { db in
            // A store from before the audit log has none.
            guard try db.tableExists("audit_log") else { return [] }
            return try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY id").map(Self.auditEntry)
        }
    }

    /// The file opened read-only when it holds a server store, else nil.
    private static func serverStoreBackup(at path: String) -> DatabaseQueue? {
        var readOnly = Configuration()
        readOnly.readonly = true
        guard FileManager.default.fileExists(atPath: path),
            let source = try? DatabaseQueue(path: path, configuration: readOnly),
            (try? source.read({ try meta("server_id", $0) })) != nil
        else { return nil }
        return source
    }
}
