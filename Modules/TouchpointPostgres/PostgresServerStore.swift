import Foundation
import Logging
import PostgresNIO
import TouchpointModel
import TouchpointRecords
import TouchpointServer

/// The server store on PostgreSQL: the SQLite store's tables and behaviour,
/// through a pool of connections (postgres-nio's `PostgresClient`), so several
/// server instances can share one database.
///
/// ``open(_:logger:)`` checks the connection, migrates and starts the pool in a
/// task the store owns; ``shutdown()`` stops it. Every method is one transaction.
///
/// ```swift
/// let store = try await PostgresServerStore.open(try PostgresConfiguration(url: url), logger: logger)
/// let service = SyncService(store: store, logger: logger)
/// // … serve until told to stop, then:
/// await store.shutdown()
/// ```
public final class PostgresServerStore: ServerStore {
    /// The value of ``TouchpointServer/ServerInfo/backend`` for this store, as the wire spec names it.
    public static let backend = "postgres"

    /// The database, for messages (never the password).
    public let configuration: PostgresConfiguration
    /// The pooled connections, opened again when a request misses its deadline.
    let pool: PostgresPool
    let logger: Logger
    let encoder = JSONEncoder()
    let decoder = JSONDecoder()

    private init(configuration: PostgresConfiguration, pool: PostgresPool, logger: Logger) {
        self.configuration = configuration
        self.pool = pool
        self.logger = logger
    }

    /// Opens the store on `configuration`'s database: checks with one connection that
    /// the database answers (a wrong URL or an unreachable database throws one line at
    /// once, where the pool would retry forever), migrates it, gives it a server id and
    /// an epoch unless it has them, then starts the pool.
    ///
    /// Several instances may open one database at once: the migrator serializes them,
    /// and all of them read the same server id and epoch.
    public static func open(_ configuration: PostgresConfiguration, logger: Logger) async throws -> PostgresServerStore {
        try await configuration.checkConnection(logger: logger)
        try await PostgresMigrator().migrate(configuration, logger: logger)
        try await configuration.withConnection(logger: logger) { connection in
            let serverID = SiteID.random().description
            let epoch = ServerEpoch.random().rawValue
            try await connection.query(
                """
                INSERT INTO server_meta (key, value) VALUES ('server_id', \(serverID)), ('epoch', \(epoch))
                ON CONFLICT (key) DO NOTHING
                """, logger: logger)
        }
        return PostgresServerStore(configuration: configuration, pool: await PostgresPool.start(configuration, logger: logger), logger: logger)
    }

    /// True when `configuration`'s database holds a server store (a migration ran there);
    /// a database that cannot be reached throws one line.
    public static func exists(_ configuration: PostgresConfiguration, logger: Logger) async throws -> Bool {
        try await configuration.withConnection(logger: logger) { connection in
            !(try await PostgresMigrator().applied(on: connection, logger: logger)).isEmpty
        }
    }

    /// Closes the pool's connections; the store cannot be used afterwards (queries
    /// fail as unavailable). Call it once the last request is answered.
    public func shutdown() async {
        await pool.shutdown()
    }

    public func info() async throws -> ServerInfo {
        try await read { [self] connection in
            let meta = try await Self.meta(on: connection, logger: logger)
            guard let text = meta["server_id"], let serverID = SiteID(text) else {
                throw StoreError(kind: .corrupt, message: "server database has no server id")
            }
            guard let text = meta["epoch"], let epoch = ServerEpoch(rawValue: text) else {
                throw StoreError(kind: .corrupt, message: "server database has no epoch")
            }
            let open = try await Self.value(
                Int64.self, connection.query("SELECT count(*) FROM conflicts WHERE resolved_at IS NULL", logger: logger))
            return ServerInfo(
                serverID: serverID, epoch: epoch, backend: Self.backend, head: try await Self.head(on: connection, logger: logger),
                openConflicts: Int(open ?? 0))
        }
    }

    /// The rows of `server_meta`.
    static func meta(on connection: PostgresConnection, logger: Logger) async throws -> [String: String] {
        var meta: [String: String] = [:]
        for try await (key, value) in try await connection.query("SELECT key, value FROM server_meta", logger: logger)
            .decode((String, String).self)
        {
            meta[key] = value
        }
        return meta
    }

    /// The highest sequence in the change log (0 when empty).
    static func head(on connection: PostgresConnection, logger: Logger) async throws -> UInt64 {
        let head = try await value(Int64.self, connection.query("SELECT max(seq) FROM changes", logger: logger))
        return UInt64(head ?? 0)
    }

    /// The first column of the first row of `rows`, nil when there is none or it is NULL.
    static func value<Value: PostgresDecodable & Sendable>(
        _ type: Value.Type, _ rows: PostgresRowSequence
    ) async throws -> Value? where Value._DecodableType == Value {
        for try await value in rows.decode(Value?.self) { return value }
        return nil
    }

    /// The number of rows of `rows` (an `UPDATE … RETURNING 1` counts the rows it changed).
    static func count(_ rows: PostgresRowSequence) async throws -> Int {
        var count = 0
        for try await _ in rows { count += 1 }
        return count
    }

    /// Runs one statement on its own (its own transaction) and returns the number of
    /// rows it returned.
    @discardableResult
    func execute(_ query: PostgresQuery) async throws -> Int {
        try await withConnection { [self] connection in try await Self.count(connection.query(query, logger: self.logger)) }
    }
}
