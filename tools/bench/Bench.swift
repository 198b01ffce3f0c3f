import Foundation

/// `touchpoint-bench import|sync [--rows N] …`: each mode prints our figure next to
/// raw SQLite doing the same inserts in the same run.
@main
struct Bench {
    static let usage = """
        usage: touchpoint-bench import [--rows N] [--batch N] [--keep DIR]
               touchpoint-bench sync [--rows N]
               touchpoint-bench load [--agents 200] [--territories 20] [--records 1000]

          import   agent import of N interaction rows (default 100000) next to raw SQLite inserting
                   the same rows into a plain table and into the same schema, in the same run
          sync     push and pull through a real server next to raw SQLite, in the same run
          load     the real touchpoint-server (built next to this binary) and N protocol clients:
                   time to convergence, push latency, server CPU per delivered record, peak RSS

        Build with -c release for figures worth comparing (docs/performance.md).

        """

    static func main() async throws {
        let arguments = CommandLine.arguments
        switch arguments.dropFirst().first {
        case "sync": try await SyncBench.run(arguments)
        case "import": try ImportBench.run(arguments)
        case "load": try await LoadBench.run(arguments)
        case "help", "--help", "-h", nil: print(usage, terminator: "")
        case let other?:
            FileHandle.standardError.write(Data("touchpoint-bench: unknown mode '\(other)'\n\(usage)".utf8))
            exit(64)
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
