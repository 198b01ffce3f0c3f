import Foundation

/// Everything one `touchpoint-bench` run measured, as `--json FILE` writes it (snake_case keys, units in the names).
struct BenchReport: Encodable, Sendable {
    var mode: String
    /// `tiny`, `small` or `full` for `all`; nil for a single mode run with its own options.
    var scale: String?
    var machine: MachineFacts
    var importFigures: ImportFigures?
    var sync: SyncFigures?
    var load: LoadFigures?
    var postgres: PostgresBenchFigures?
    var memory: [PhaseMemory] = []
    /// The `all` table (empty for a single mode).
    var summary: [SummaryRow] = []

    enum CodingKeys: String, CodingKey {
        case mode, scale, machine, importFigures = "import", sync, load, postgres, memory, summary
    }

    /// The report as pretty-printed JSON with sorted snake_case keys.
    func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    func write(to path: String) throws {
        try json().write(to: URL(fileURLWithPath: path))
    }
}
