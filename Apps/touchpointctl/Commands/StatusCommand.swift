import ArgumentParser
import Foundation
import TouchpointAdminCLI
import TouchpointAdminClient
import TouchpointCLI
import TouchpointProtocol

/// `status`: the server, its sequence, conflicts and every agent's sync state.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show the server's sync state and who is behind.")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Flag agents not seen for longer than this many hours (default 24).") var silentHours: Double = 24

    func run() async throws {
        let status = try await connection.connect { try await $0.status() }
        let view = StatusView(status, silentAfter: silentHours * 3600)
        if output.json {
            try JSONOutput.object(try view.jsonObject())
        } else {
            view.lines.forEach { print($0) }
        }
    }
}
