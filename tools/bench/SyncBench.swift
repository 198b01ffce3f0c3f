import Foundation
import GRDB
import Logging
import TouchpointClient
import TouchpointModel
import TouchpointProtocol
import TouchpointRecords
import TouchpointServer
import TouchpointStore

/// One agent pushes N interactions through a real TCP server on loopback (through a byte-counting relay), then a
/// fresh agent pulls everything its territory holds; next to raw SQLite inserting the same rows, in the same run.
enum SyncBench {
    struct Options {
        /// Interactions the agent pushes.
        var rows = 100_000
        /// Records the fresh agent pulls; the server is seeded with interactions up to this many. nil: what the push left.
        var pullRows: Int?

        init(rows: Int = 100_000, pullRows: Int? = nil) { (self.rows, self.pullRows) = (rows, pullRows) }

        init(_ arguments: [String]) {
            rows = Bench.option("--rows", in: arguments).flatMap(Int.init) ?? rows
            pullRows = Bench.option("--pull-rows", in: arguments).flatMap(Int.init)
        }
    }

    static func run(_ options: Options) async throws -> SyncFigures {
        let rows = options.rows
        let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("touchpoint-sync-bench-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let serverStore = try SQLiteServerStore(directory: directory.appendingPathComponent("server").path)
        var logger = Logger(label: "bench")
        logger.logLevel = .error
        let server = try await SyncServer.bind(host: "127.0.0.1", port: 0, service: SyncService(store: serverStore), logger: logger)
        let serving = Task { try await server.run() }
        defer { serving.cancel() }
        let endpoint = Endpoint(host: "127.0.0.1", port: server.port)

        func laptop(_ name: String) async throws -> (AgentStore, ClientSessionConfiguration) {
            let agent = try Agent(name: name, territories: ["north"])
            let token = try await serverStore.addAgent(agent, now: Date())
            let store = try AgentStore(path: directory.appendingPathComponent("\(name).sqlite").path)
            let identity = try store.initialize(agentID: agent.id, territories: ["north"])
            return (store, ClientSessionConfiguration(siteID: identity.site, agentID: agent.id, token: token))
        }
        func sync(_ store: AgentStore, _ configuration: ClientSessionConfiguration, via endpoint: Endpoint) async throws -> SyncSummary {
            try await SyncConnection.withConnection(to: endpoint, configuration: configuration) {
                try await SyncEngine(store: store).sync(over: $0)
            }
        }
        let (writer, writerConfig) = try await laptop("writer")
        let (reader, readerConfig) = try await laptop("reader")

        // The customers the interactions point at go first, untimed: the push figure is interactions alone.
        var generator = RowGenerator()
        let customers = try generator.customers(max(10, rows / 100))
        try writer.create(customers)
        _ = try await sync(writer, writerConfig, via: endpoint)

        // Local writes (timed too: every row versioned and queued).
        let agentID = try writer.identity().agentID
        var typedRows: [[DatabaseValue]] = []
        typedRows.reserveCapacity(rows)
        var clock = ContinuousClock.now
        for start in stride(from: 0, to: rows, by: 1000) {
            var batch: [any SyncRecord] = []
            for i in start..<min(start + 1000, rows) {
                let interaction = try generator.interaction(i, customers: customers, agent: agentID)
                batch.append(interaction)
                typedRows.append(SameSchemaReference.columns.map {
                    $0 == "id" ? interaction.id.lowercasedText.databaseValue : interaction.fields[$0]!.databaseValue
                })
            }
            try writer.create(batch)
        }
        let localSeconds = ImportBench.seconds(since: clock)

        // The push, through a relay that counts the bytes on the wire.
        let relay = try await CountingRelay.start(to: endpoint)
        defer { relay.stop() }
        clock = ContinuousClock.now
        let pushed = try await sync(writer, writerConfig, via: relay.endpoint)
        let pushSeconds = ImportBench.seconds(since: clock)
        precondition(pushed.pushed == rows, "push lost changes: \(pushed)")
        try await Task.sleep(for: .milliseconds(100))  // the Goodbye frame may still be in the relay

        // The references right after the push, before the seed and the pull fill the disk and the page cache.
        let plainRawRate = try plainRaw(typedRows, directory: directory)
        let sameSchemaRate = try SameSchemaReference(directory: directory, customers: customers).insert(typed: typedRows, batch: 1000)
        typedRows = []

        let seeded = max(0, (options.pullRows ?? 0) - rows - customers.count)
        try await seed(seeded, of: customers, into: serverStore)

        clock = ContinuousClock.now
        let pulled = try await sync(reader, readerConfig, via: endpoint)
        let pullSeconds = ImportBench.seconds(since: clock)
        let pulledRecords = rows + customers.count + seeded
        precondition(pulled.pulled == pulledRecords, "pull lost changes: \(pulled)")
        if seeded == 0 {
            let converged = try reader.digest() == writer.digest()
            precondition(converged, "replicas differ")
        }

        let figures = SyncFigures(
            pushedInteractions: rows, customers: customers.count, localWritesRecordsPerSecond: Double(rows) / localSeconds,
            pushSeconds: pushSeconds, pushRecordsPerSecond: Double(rows) / pushSeconds, pulledRecords: pulledRecords,
            pullSeconds: pullSeconds, pullRecordsPerSecond: Double(pulledRecords) / pullSeconds,
            plainRawRowsPerSecond: plainRawRate, sameSchemaRawRowsPerSecond: sameSchemaRate,
            wireBytesToServer: relay.counter.bytesToServer, wireBytesToClient: relay.counter.bytesToClient,
            wireBytesPerInteraction: Double(relay.counter.bytesToServer) / Double(rows))
        print("touchpoint-bench sync: \(rows) interactions (their \(customers.count) customers pushed first), one agent, TCP on loopback")
        print(String(format: "local writes : %9.0f records/s  (%.2f s)", figures.localWritesRecordsPerSecond, localSeconds))
        print(String(format: "push         : %9.0f records/s  (%.2f s, outbox → server, conflicts checked, change log)", figures.pushRecordsPerSecond, pushSeconds))
        print(String(format: "cold pull    : %9.0f records/s  (%.2f s, %d records: server → fresh laptop, page + cursor per transaction)", figures.pullRecordsPerSecond, pullSeconds, pulledRecords))
        print(String(format: "raw SQLite   : %9.0f rows/s     (prepared INSERT, same rows, plain table with an id key, 1000 per transaction)", figures.plainRawRowsPerSecond))
        print(String(format: "same schema  : %9.0f rows/s     (the record table's columns, keys, checks and indexes, typed; no sync metadata)", figures.sameSchemaRawRowsPerSecond))
        print(String(format: "ratios       : same-schema raw is %.1f× push, %.1f× pull", figures.sameSchemaRawRowsPerSecond / figures.pushRecordsPerSecond, figures.sameSchemaRawRowsPerSecond / figures.pullRecordsPerSecond))
        print(String(format: "wire         : %.1f bytes per interaction (%d bytes client → server, %d back, counted at a relay)", figures.wireBytesPerInteraction, figures.wireBytesToServer, figures.wireBytesToClient))
        return figures
    }

    /// Pushes `count` interactions with `customers` straight into the server's service (untimed), as one more agent's.
    static func seed(_ count: Int, of customers: [Customer], into store: SQLiteServerStore) async throws {
        guard count > 0 else { return }
        let agent = try Agent(name: "seed", territories: ["north"])
        _ = try await store.addAgent(agent, now: Date())
        let principal = Principal(agentID: agent.id, name: agent.name, role: .agent, territories: ["north"], site: SiteID.random())
        let service = SyncService(store: store)
        var generator = RowGenerator()
        for first in stride(from: 0, to: count, by: 1000) {
            let batch = try (first..<min(first + 1000, count)).map { n in
                let interaction = try generator.interaction(n, customers: customers, agent: agent.id)
                return SequencedChange(sequence: UInt64(n + 1), change: SyntheticChange.change(interaction, site: principal.site))
            }
            let ack = try await service.push(batch, from: principal)
            precondition(ack.rejected.isEmpty, "the server refused seed changes: \(ack.rejected)")
        }
    }

    /// Reference: raw SQLite inserting the same rows into a plain table with an id key, 1,000 per transaction.
    static func plainRaw(_ rows: [[DatabaseValue]], directory: URL) throws -> Double {
        let raw = try DatabaseQueue(path: directory.appendingPathComponent("raw.sqlite").path)
        try raw.inDatabase { db in
            try db.execute(sql: "CREATE TABLE interactions (id TEXT PRIMARY KEY, \(Interaction.fieldNames.joined(separator: ", ")))")
        }
        let placeholders = Array(repeating: "?", count: SameSchemaReference.columns.count).joined(separator: ",")
        let clock = ContinuousClock.now
        for start in stride(from: 0, to: rows.count, by: 1000) {
            try raw.inTransaction { db in
                let insert = try db.makeStatement(sql: "INSERT INTO interactions VALUES (\(placeholders))")
                for row in rows[start..<min(start + 1000, rows.count)] { try insert.execute(arguments: StatementArguments(row)) }
                return .commit
            }
        }
        return Double(rows.count) / ImportBench.seconds(since: clock)
    }
}
