import Foundation
import GRDB
import TouchpointImport
import TouchpointModel
import TouchpointStore

/// Times `touchpoint-agent import` (through the library) against plain SQLite inserts of the same rows.
///
/// Usage: `swift run -c release touchpoint-bench import [--rows N] [--batch N] [--keep DIR]`
struct ImportBench {
    struct Options {
        var rows = 100_000
        var batch = 1000
        /// Keep the databases in this directory instead of a temporary one.
        var keep: String?

        init(rows: Int = 100_000) { self.rows = rows }

        init(_ arguments: [String]) {
            rows = Bench.option("--rows", in: arguments).flatMap(Int.init) ?? rows
            batch = Bench.option("--batch", in: arguments).flatMap(Int.init) ?? batch
            keep = Bench.option("--keep", in: arguments)
        }
    }

    static func run(_ options: Options) throws -> ImportFigures {
        let (rows, batch) = (options.rows, options.batch)
        let directory = URL(fileURLWithPath: options.keep ?? NSTemporaryDirectory())
            .appendingPathComponent("touchpoint-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { if options.keep == nil { try? FileManager.default.removeItem(at: directory) } }

        // Setup (not timed): a fresh agent database with the customers the rows point at, and the CSV file.
        let agent = UUID()
        var generator = RowGenerator()
        let customers = try generator.customers(max(10, rows / 100))
        let store = try AgentStore(path: directory.appendingPathComponent("agent.sqlite").path)
        try store.initialize(agentID: agent, territories: ["north"])
        try store.create(customers)
        let csvURL = directory.appendingPathComponent("interactions.csv")
        try generator.interactionsCSV(count: rows, customers: customers, agent: agent, end: Date())
            .write(to: csvURL, atomically: true, encoding: .utf8)
        let bytes = [UInt8](try Data(contentsOf: csvURL))
        print("touchpoint-bench: \(rows) interaction rows (\(bytes.count / 1024) KiB CSV), \(customers.count) customers, batches of \(batch)")

        // 1. The library import: CSV parse, conversion and validation, dedupe, savepoints, versions, outbox.
        var rejected = 0
        let summary = try Importer(store: store, batchSize: batch).run(
            bytes: bytes, format: .csv, entity: .interaction, rejected: { _ in rejected += 1 })
        precondition(summary.imported == rows && rejected == 0, "import lost rows: \(summary)")
        let importRate = Double(rows) / summary.seconds

        // 2. CSV parsing alone (for the breakdown).
        var parseClock = ContinuousClock.now
        var reader = CSVReader(bytes)
        _ = try reader.next()
        var parsed: [[String]] = []
        parsed.reserveCapacity(rows)
        while let record = try reader.next() { parsed.append(record.fields) }
        let parseSeconds = seconds(since: parseClock)

        // 3. Raw SQLite: a prepared INSERT of the same rows into a plain table, one transaction per batch.
        var config = Configuration()
        config.busyMode = .timeout(10)
        let raw = try DatabasePool(path: directory.appendingPathComponent("raw.sqlite").path, configuration: config)
        try raw.write { db in
            try db.execute(sql: """
                CREATE TABLE interactions (customer_id TEXT, agent_id TEXT, occurred_at TEXT, channel TEXT, touchpoint TEXT,
                    stage TEXT, direction TEXT, sentiment TEXT, outcome TEXT, duration_seconds TEXT, summary TEXT)
                """)
        }
        parseClock = ContinuousClock.now
        for start in stride(from: 0, to: parsed.count, by: batch) {
            try raw.write { db in
                let insert = try db.makeStatement(sql: "INSERT INTO interactions VALUES (?,?,?,?,?,?,?,?,?,?,?)")
                for row in parsed[start..<min(start + batch, parsed.count)] {
                    try insert.execute(arguments: StatementArguments(row))
                }
            }
        }
        let rawRate = Double(rows) / seconds(since: parseClock)
        let count = try raw.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM interactions") }
        precondition(count == rows)

        // 4. Same-schema SQLite: the same rows, typed as the store types them, into the record table with its
        // columns, keys, checks and indexes — without the sync metadata (versions, tombstone, outbox).
        let sameSchemaRate = try SameSchemaReference(directory: directory, customers: customers)
            .insert(parsed, header: RowGenerator.interactionColumns, batch: batch)

        print(String(format: "library import : %9.0f rows/s  (%.2f s, every row versioned and queued in the outbox)", importRate, summary.seconds))
        print(String(format: "raw SQLite     : %9.0f rows/s  (prepared INSERT into a plain table, same batches)", rawRate))
        print(String(format: "same schema    : %9.0f rows/s  (the record table's columns, keys, checks and indexes, typed; no sync metadata)", sameSchemaRate))
        print(String(format: "CSV parse only : %9.0f rows/s", Double(rows) / parseSeconds))
        print(String(format: "ratio          : plain raw is %.1f×, same-schema raw %.1f× the library import", rawRate / importRate, sameSchemaRate / importRate))
        return ImportFigures(
            rows: rows, batchRows: batch, seconds: summary.seconds, rowsPerSecond: importRate, plainRawRowsPerSecond: rawRate,
            sameSchemaRawRowsPerSecond: sameSchemaRate, csvParseRowsPerSecond: Double(rows) / parseSeconds)
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let (s, atto) = (ContinuousClock.now - start).components
        return Double(s) + Double(atto) / 1e18
    }
}
