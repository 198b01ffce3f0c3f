import Foundation

/// `touchpoint-bench [import|sync] [--rows N] …`: each mode prints our figure next to
/// raw SQLite doing the same inserts in the same run.
@main
struct Bench {
    static func main() async throws {
        let arguments = CommandLine.arguments
        switch arguments.dropFirst().first {
        case "sync": try await SyncBench.run(arguments)
        case "import", nil: try ImportBench.run(arguments)
        case let other?:
            if other.hasPrefix("--") { try ImportBench.run(arguments) } else {
                FileHandle.standardError.write(Data("usage: touchpoint-bench [import|sync] [--rows N]\n".utf8))
                exit(64)
            }
        }
    }

    static func option(_ name: String, in arguments: [String]) -> String? {
        arguments.firstIndex(of: name).flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
    }
}
