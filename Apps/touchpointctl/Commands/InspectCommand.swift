import ArgumentParser
import Foundation
import TouchpointAdminCLI
import TouchpointAdminClient
import TouchpointCLI

/// `inspect PATH`: an agent's database file, opened read-only, offline.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show an agent database's site, server, cursor, outbox, dead letters and record counts (read-only).")

    @OptionGroup var output: OutputOptions
    @Argument(help: "Path to the agent's database file.") var path: String

    func run() throws {
        let view = try InspectView(path: path)
        if output.json {
            try JSONOutput.encodable(view.status)
        } else {
            view.lines.forEach { print($0) }
        }
    }
}
