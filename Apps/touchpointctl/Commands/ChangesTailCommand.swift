import ArgumentParser
import Foundation
import TouchpointAdminCLI
import TouchpointAdminClient
import TouchpointCLI
import TouchpointProtocol

/// `changes tail [--since SEQ] [--follow]`: one line per change.
struct ChangesTailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tail", abstract: "Print changes after a sequence.")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Print changes after this sequence (default: the last 20).") var since: UInt64?
    @Flag(help: "Keep polling for new changes (Ctrl-C to stop).") var follow = false
    @Option(help: "Seconds between polls with --follow.") var interval: Double = 1

    func run() async throws {
        try await connection.connect { admin in
            var cursor: UInt64
            if let since { cursor = since } else { cursor = try await admin.status().sequence.subtractingClamped(20) }
            var json: [[String: Any]] = []
            while true {
                let page = try await admin.changes(after: cursor)
                for change in page.changes {
                    if !output.json {
                        print(ChangeLine.text(change))
                    } else if follow {
                        try JSONOutput.object(ChangeLine.jsonObject(change))  // one object per change as they come
                    } else {
                        json.append(ChangeLine.jsonObject(change))
                    }
                    cursor = change.sequence
                }
                if page.more { continue }
                guard follow else { break }
                try await Task.sleep(for: .seconds(interval))
            }
            if output.json { try JSONOutput.object(json) }
        }
    }
}

extension UInt64 {
    func subtractingClamped(_ n: UInt64) -> UInt64 { self > n ? self - n : 0 }
}
