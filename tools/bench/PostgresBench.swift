import Foundation
import GRDB
import Logging
import PostgresNIO
import TouchpointClient
import TouchpointModel
import TouchpointPostgres
import TouchpointProtocol
import TouchpointRecords
import TouchpointServer

/// `touchpoint-bench postgres --url URL`: N agents push interactions at once through real `touchpoint-server`
/// processes — one over SQLite, one over PostgreSQL, two over the same PostgreSQL database (agents spread over
/// both) — next to raw SQLite inserting the same rows into the same schema, in the same run. Each store run gets a
/// fresh database (created from the URL's, dropped afterwards).
enum PostgresBench {
    struct Options {
        var url = ""
        var agents = 8
        /// Interactions pushed in all, spread over the agents.
        var rows = 20_000

        init(url: String, agents: Int = 8, rows: Int = 20_000) { (self.url, self.agents, self.rows) = (url, agents, rows) }

        init(_ arguments: [String]) throws {
            guard let url = Bench.option("--url", in: arguments) ?? ProcessInfo.processInfo.environment["TOUCHPOINT_TEST_POSTGRES_URL"] else {
                throw BenchError("postgres needs --url postgres://USER:PASSWORD@HOST:PORT/DATABASE (a role that may create databases)")
            }
            self.url = url
            agents = max(1, Bench.option("--agents", in: arguments).flatMap(Int.init) ?? agents)
            rows = max(agents, Bench.option("--rows", in: arguments).flatMap(Int.init) ?? rows)
        }
    }

    static let logger = Logger(label: "touchpoint.bench") { _ in SwiftLogNoOpLogHandler() }

    static func run(_ options: Options) async throws -> PostgresBenchFigures {
        let server = try PostgresConfiguration(url: options.url)
        let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("touchpoint-pg-bench-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var generator = RowGenerator()
        let customers = try generator.customers(max(10, options.rows / 100))
        let interactions = try (0..<options.rows).map { try generator.interaction($0, customers: customers, agent: UUID()) }

        let sqlitePath = directory.appendingPathComponent("server").path
        let sqlite = try await pushRate(options, customers, interactions, store: try SQLiteServerStore(directory: sqlitePath)) {
            [try ServerChild(data: sqlitePath)]
        }
        let one = try await withFreshDatabase(on: server) { database in
            try await pushRate(options, customers, interactions, postgres: database, instances: 1)
        }
        let two = try await withFreshDatabase(on: server) { database in
            try await pushRate(options, customers, interactions, postgres: database, instances: 2)
        }
        let typed = interactions.map { interaction in
            SameSchemaReference.columns.map { $0 == "id" ? interaction.id.lowercasedText.databaseValue : interaction.fields[$0]!.databaseValue }
        }
        let reference = try SameSchemaReference(directory: directory, customers: customers).insert(typed: typed, batch: 1000)
        let (synchronousCommit, fsync) = try await settings(of: server)

        let figures = PostgresBenchFigures(
            agents: options.agents, pushedInteractions: options.rows, sqlitePushRecordsPerSecond: sqlite,
            postgresOneInstancePushRecordsPerSecond: one, postgresTwoInstancesPushRecordsPerSecond: two,
            sameSchemaRawRowsPerSecond: reference, postgresSynchronousCommit: synchronousCommit, postgresFsync: fsync)
        print("touchpoint-bench postgres: \(options.agents) agents push \(options.rows) interactions at once, real touchpoint-server processes, TCP on loopback")
        print(String(format: "sqlite, 1 instance       : %8.0f records/s", sqlite))
        print(String(format: "postgresql, 1 instance   : %8.0f records/s  (%.2f× sqlite)", one, one / sqlite))
        print(String(format: "postgresql, 2 instances  : %8.0f records/s  (%.2f× one instance)", two, two / one))
        print(String(format: "raw SQLite, same schema  : %8.0f rows/s     (the reference, 1000 per transaction)", reference))
        print("postgresql settings      : synchronous_commit=\(synchronousCommit), fsync=\(fsync) (\(server.host):\(server.port))")
        return figures
    }

    /// Push throughput on a PostgreSQL database with `instances` server processes.
    static func pushRate(
        _ options: Options, _ customers: [Customer], _ interactions: [Interaction], postgres database: PostgresConfiguration,
        instances: Int
    ) async throws -> Double {
        let store = try await PostgresServerStore.open(database, logger: logger)
        do {
            let rate = try await pushRate(options, customers, interactions, store: store) {
                try (0..<instances).map { _ in try ServerChild(store: ["--postgres", database.url()]) }
            }
            await store.shutdown()
            return rate
        } catch {
            await store.shutdown()
            throw error
        }
    }

    /// Registers the agents and seeds the customers through `store` (untimed), starts the servers, then times every
    /// agent pushing its share of `interactions` at once, agent i through server i modulo their number.
    static func pushRate(
        _ options: Options, _ customers: [Customer], _ interactions: [Interaction], store: any ServerStore,
        servers start: () throws -> [ServerChild]
    ) async throws -> Double {
        let service = SyncService(store: store)
        let seeder = try await session(service, name: "seed")
        let seeded = try await service.push(
            customers.enumerated().map { SequencedChange(sequence: UInt64($0 + 1), change: SyntheticChange.change($1, site: seeder.site)) },
            from: seeder)
        precondition(seeded.rejected.isEmpty, "the server refused the customers: \(seeded.rejected)")
        var peers: [(ClientSessionConfiguration, [SequencedChange])] = []
        for index in 0..<options.agents {
            let agent = try Agent(name: "pusher-\(index)", territories: ["north"])
            let token = try await store.addAgent(agent, now: Date())
            let site = SiteID.random()
            let share = stride(from: index, to: interactions.count, by: options.agents).map { interactions[$0] }
            let changes = share.enumerated().map { n, interaction in
                var fields = interaction.fields
                fields["agent_id"] = .text(agent.id.lowercasedText)
                let record = try! Interaction(id: interaction.id, fields: fields)
                return SequencedChange(sequence: UInt64(n + 1), change: SyntheticChange.change(record, site: site))
            }
            peers.append((ClientSessionConfiguration(siteID: site, agentID: agent.id, token: token), changes))
        }
        let servers = try start()
        defer { for server in servers { server.stop() } }
        let endpoints = servers.map(\.endpoint)
        let clock = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, (configuration, changes)) in peers.enumerated() {
                group.addTask {
                    try await SyncConnection.withConnection(to: endpoints[index % endpoints.count], configuration: configuration) { connection in
                        let batch = connection.limits.maxBatchChanges
                        for first in stride(from: 0, to: changes.count, by: batch) {
                            let ack = try await connection.push(Array(changes[first..<min(first + batch, changes.count)]))
                            precondition(ack.rejected.isEmpty, "the server refused bench changes: \(ack.rejected)")
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        return Double(interactions.count) / ImportBench.seconds(since: clock)
    }

    static func session(_ service: SyncService, name: String) async throws -> Principal {
        let agent = try Agent(name: name, territories: ["north"])
        let token = try await service.store.addAgent(agent, now: Date())
        return try await service.authenticate(token: token, site: SiteID.random(), protocolVersion: 1)
    }

    /// Runs `body` on a new database on `server`, dropped afterwards.
    static func withFreshDatabase<Result: Sendable>(
        on server: PostgresConfiguration, _ body: (PostgresConfiguration) async throws -> Result
    ) async throws -> Result {
        try await server.withScratchDatabase(prefix: "tp_bench_", logger: logger, body)
    }

    /// The server's `synchronous_commit` and `fsync`.
    static func settings(of server: PostgresConfiguration) async throws -> (String, String) {
        try await server.withConnection(logger: logger) { connection in
            var values: [String] = []
            for setting in ["synchronous_commit", "fsync"] {
                for try await value in try await connection.query(PostgresQuery(unsafeSQL: "SHOW \(setting)"), logger: logger).decode(String.self) {
                    values.append(value)
                }
            }
            return (values.first ?? "?", values.last ?? "?")
        }
    }
}
