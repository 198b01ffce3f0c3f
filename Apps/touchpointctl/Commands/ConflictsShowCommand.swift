import ArgumentParser
import Foundation
import TouchpointAdminCLI
import TouchpointAdminClient
import TouchpointCLI
import TouchpointProtocol

/// `conflicts show ID`.
struct ConflictsShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show both values, versions, sites and agents of a conflict.")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The conflict id.") var id: Int64

    func run() async throws {
        let (conflict, names) = try await connection.connect { admin in
            (try await admin.conflict(id), try await admin.agentNames())
        }
        if output.json { return try JSONOutput.encodable(conflict) }
        ConflictText.detail(conflict, agentNames: names).forEach { print($0) }
    }
}
