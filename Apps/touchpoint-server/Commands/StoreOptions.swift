import ArgumentParser
import Foundation
import Logging
import TouchpointPostgres
import TouchpointServer

/// Where the server keeps its data: the embedded SQLite store in a directory, or
/// a PostgreSQL database (one of the two).
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "Directory of the embedded SQLite store.")
    var data: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "PostgreSQL database of the store, instead of --data: postgres://USER:PASSWORD@HOST[:PORT]/DATABASE[?sslmode=MODE].",
            valueName: "URL"))
    var postgres: String?

    @Option(help: "With --postgres: most connections this instance opens to the database (default 10).")
    var poolSize: Int?

    @Option(help: ArgumentHelp(
        "With --postgres: a request still unanswered after this many seconds fails UNAVAILABLE and the pool reconnects (default 30).",
        valueName: "SECONDS"))
    var requestTimeout: Double?

    func validate() throws {
        switch (data, postgres) {
        case (nil, nil): throw ValidationError("give the store: --data DIR (SQLite) or --postgres URL")
        case (.some, .some): throw ValidationError("--data and --postgres are exclusive: give one store")
        default: break
        }
        if postgres == nil, poolSize != nil || requestTimeout != nil {
            throw ValidationError("--pool-size and --request-timeout go with --postgres")
        }
        if let poolSize, !(1...1000).contains(poolSize) { throw ValidationError("--pool-size must be 1…1000") }
        if let requestTimeout, !(requestTimeout > 0 && requestTimeout <= 3600) {
            throw ValidationError("--request-timeout must be more than 0 and at most 3600 seconds")
        }
    }

    /// The PostgreSQL configuration of --postgres, with the pool options.
    func postgresConfiguration(_ url: String) throws -> PostgresConfiguration {
        var configuration = try PostgresConfiguration(url: url)
        if let poolSize { configuration.poolSize = poolSize }
        if let requestTimeout { configuration.requestTimeout = .milliseconds(Int(requestTimeout * 1000)) }
        return configuration
    }

    /// How messages name the store: the directory, or the database without its password.
    func name() throws -> String {
        if let postgres { return "PostgreSQL at \(try PostgresConfiguration(url: postgres).endpoint)" }
        return try directory(for: "the SQLite store")
    }

    /// True when the store already exists; an unreachable database throws one line.
    func exists(logger: Logger = Self.quiet) async throws -> Bool {
        if let postgres { return try await PostgresServerStore.exists(try PostgresConfiguration(url: postgres), logger: logger) }
        return SQLiteServerStore.exists(directory: try directory(for: "the SQLite store"))
    }

    /// Opens the store (creating it unless `mustExist`), runs `body` on it and closes it.
    func withStore<Result>(
        mustExist: Bool = true, logger: Logger = Self.quiet, _ body: (any ServerStore) async throws -> Result
    ) async throws -> Result {
        guard let postgres else { return try await body(try sqlite(mustExist: mustExist)) }
        let configuration = try postgresConfiguration(postgres)
        if mustExist, !(try await PostgresServerStore.exists(configuration, logger: logger)) {
            throw UserError("no server store in \(try name()): run `touchpoint-server init --postgres URL` first")
        }
        let store = try await PostgresServerStore.open(configuration, logger: logger)
        do {
            let result = try await body(store)
            await store.shutdown()
            return result
        } catch {
            await store.shutdown()
            throw error
        }
    }

    /// The SQLite store in --data; `operation` names what needs it when --postgres was given instead.
    func sqlite(mustExist: Bool = true, for operation: String = "the SQLite store") throws -> SQLiteServerStore {
        let data = try directory(for: operation)
        if mustExist, !SQLiteServerStore.exists(directory: data) {
            throw UserError("no server store in \(data): run `touchpoint-server init --data \(data)` first")
        }
        return try SQLiteServerStore(directory: data)
    }

    /// The --data directory; with --postgres, `operation` is refused (it works on SQLite files only).
    func directory(for operation: String) throws -> String {
        guard let data else { throw UserError("\(operation) works on the SQLite store only: give --data DIR, not --postgres") }
        return data
    }

    /// The logger of one-shot commands: warnings and errors only, on stderr.
    static var quiet: Logger {
        var logger = Logger(label: "touchpoint.server")
        logger.logLevel = .warning
        return logger
    }
}
