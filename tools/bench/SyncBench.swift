import Foundation
import GRDB
import Logging
import TouchpointClient
import TouchpointModel
import TouchpointProtocol
import TouchpointRecords
import TouchpointServer
import TouchpointStore

/// Push and pull throughput of N interactions from one agent through a real TCP
/// server on loopback, next to raw SQLite inserting the same rows.
enum SyncBench {
    static func run(_ arguments: [String]) async throws {
        let rows = Bench.option("--rows", in: arguments).flatMap(Int.init) ?? 100_000
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
        let (writer, writerConfig) = try await laptop("writer")
        let (reader, readerConfig) = try await laptop("reader")

        // Local writes (timed too: every row versioned and queued).
        var generator = RowGenerator()
        let customers = try generator.customers(max(10, rows / 100))
        try writer.create(customers)
        let agentID = try writer.identity().agentID
        var rowsForRaw: [[DatabaseValue]] = []
        rowsForRaw.reserveCapacity(rows)
        var clock = ContinuousClock.now
        for start in stride(from: 0, to: rows, by: 1000) {
            var batch: [any SyncRecord] = []
            for i in start..<min(start + 1000, rows) {
                let interaction = try Interaction(
                    customerID: customers[i % customers.count].id, agentID: agentID,
                    occurredAt: Date(timeIntervalSinceNow: -Double(i)), channel: Channel.allCases[i % 8],
                    touchpoint: RowGenerator.touchpoints[i % 8], stage: JourneyStage.allCases[i % 8],
                    sentiment: i % 5 - 2, outcome: Outcome.allCases[i % 4], durationSeconds: 30 + i % 600,
                    summary: RowGenerator.summaries[i % RowGenerator.summaries.count])
                batch.append(interaction)
                rowsForRaw.append([interaction.id.uuidString.lowercased().databaseValue] + Interaction.fieldNames.map { interaction.fields[$0]!.databaseValue })
            }
            try writer.create(batch)
        }
        let localSeconds = ImportBench.seconds(since: clock)

        clock = ContinuousClock.now
        let pushed = try await SyncConnection.withConnection(to: endpoint, configuration: writerConfig) {
            try await SyncEngine(store: writer).sync(over: $0)
        }
        let pushSeconds = ImportBench.seconds(since: clock)
        precondition(pushed.pushed == rows + customers.count, "push lost changes: \(pushed)")

        clock = ContinuousClock.now
        let pulled = try await SyncConnection.withConnection(to: endpoint, configuration: readerConfig) {
            try await SyncEngine(store: reader).sync(over: $0)
        }
        let pullSeconds = ImportBench.seconds(since: clock)
        precondition(pulled.pulled == rows + customers.count, "pull lost changes: \(pulled)")
        let converged = try reader.digest() == writer.digest()
        precondition(converged, "replicas differ")

        // Reference: raw SQLite inserting the same rows (13 columns), 1000 per transaction.
        let raw = try DatabaseQueue(path: directory.appendingPathComponent("raw.sqlite").path)
        let rawRows = rowsForRaw
        try raw.inDatabase { db in
            try db.execute(sql: "CREATE TABLE interactions (id TEXT PRIMARY KEY, \(Interaction.fieldNames.joined(separator: ", ")))")
        }
        clock = ContinuousClock.now
        for start in stride(from: 0, to: rows, by: 1000) {
            try raw.inTransaction { db in
                let insert = try db.makeStatement(sql: "INSERT INTO interactions VALUES (\(Array(repeating: "?", count: 13).joined(separator: ",")))")
                for row in rawRows[start..<min(start + 1000, rows)] { try insert.execute(arguments: StatementArguments(row)) }
                return .commit
            }
        }
        let rawRate = Double(rows) / ImportBench.seconds(since: clock)

        let total = Double(rows + customers.count)
        print("touchpoint-bench sync: \(rows) interactions (+\(customers.count) customers), one agent, TCP on loopback")
        print(String(format: "local writes : %9.0f records/s  (%.2f s)", Double(rows) / localSeconds, localSeconds))
        print(String(format: "push         : %9.0f records/s  (%.2f s, outbox → server, conflicts checked, change log)", total / pushSeconds, pushSeconds))
        print(String(format: "pull         : %9.0f records/s  (%.2f s, server → fresh laptop, page + cursor per transaction)", total / pullSeconds, pullSeconds))
        print(String(format: "raw SQLite   : %9.0f rows/s     (prepared INSERT, same rows, 1000 per transaction)", rawRate))
        print(String(format: "ratios       : raw is %.1f× push, %.1f× pull", rawRate / (total / pushSeconds), rawRate / (total / pullSeconds)))
    }
}
