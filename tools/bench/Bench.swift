import Foundation

/// `touchpoint-bench import|sync|load|all … [--json FILE]`: each mode prints our figures next to raw SQLite doing
/// the same work in the same run; `--json` writes them to FILE as well.
@main
struct Bench {
    static let usage = """
        usage: touchpoint-bench import [--rows N] [--batch N] [--keep DIR] [--json FILE]
               touchpoint-bench sync [--rows N] [--pull-rows N] [--json FILE]
               touchpoint-bench load [--agents 200] [--territories 20] [--records 1000] [--json FILE]
               touchpoint-bench all [--scale tiny|small|full] [--pull-rows N] [--json FILE]
               touchpoint-bench postgres --url URL [--agents 8] [--rows 20000] [--json FILE]

          import   agent import of N interaction rows (default 100000) next to raw SQLite inserting
                   the same rows into a plain table and into the same schema, in the same run
          sync     one agent pushes N interactions through a real server (bytes on the wire counted),
                   then a fresh agent pulls --pull-rows records (the server seeded up to that many),
                   next to raw SQLite inserting the same rows, in the same run
          load     the real touchpoint-server (built next to this binary) and N protocol clients:
                   time to convergence, push latency, server CPU per delivered record, peak RSS
          all      every mode in one run, then one table of issue 11's figures with their same-run
                   references and targets; --scale full (default) is the issue's sizes (cold pull of
                   1,000,000 records: --pull-rows for fewer), small a few minutes, tiny seconds (CI)
          postgres N agents push interactions at once through real servers: one over SQLite, one over
                   PostgreSQL, two over the same PostgreSQL database; next to raw SQLite inserting the
                   same rows into the same schema (URL: a role that may create databases; default
                   TOUCHPOINT_TEST_POSTGRES_URL)

          --json FILE  also write the figures, references, peak RSS per phase and machine facts as JSON

        Build with -c release for figures worth comparing (docs/performance.md).

        """

    static func main() async {
        let arguments = CommandLine.arguments
        do {
            let report: BenchReport
            switch arguments.dropFirst().first {
            case "all": report = try await AllBench.run(arguments)
            case "import": report = try await BenchRun.single("import") { try await $0.importPhase(.init(arguments)) }
            case "sync": report = try await BenchRun.single("sync") { try await $0.syncPhase(.init(arguments)) }
            case "load": report = try await BenchRun.single("load") { try await $0.loadPhase(.init(arguments)) }
            case "postgres": report = try await BenchRun.single("postgres") { try await $0.postgresPhase(try .init(arguments)) }
            case "help", "--help", "-h", nil:
                print(usage, terminator: "")
                return
            case let other?:
                throw BenchError("unknown mode '\(other)'\n\(usage)")
            }
            if let path = option("--json", in: arguments) { try report.write(to: path) }
        } catch {
            FileHandle.standardError.write(Data("touchpoint-bench: \(error)\n".utf8))
            exit(error is BenchError ? 64 : 1)
        }
    }

    static func option(_ name: String, in arguments: [String]) -> String? {
        arguments.firstIndex(of: name).flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
    }
}

/// A benchmark that cannot run, with the reason.
struct BenchError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
