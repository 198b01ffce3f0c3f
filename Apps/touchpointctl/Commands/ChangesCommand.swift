import ArgumentParser
import Foundation
import TouchpointAdminClient

/// `changes tail`.
struct ChangesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changes", abstract: "Read the server's change feed.", subcommands: [ChangesTailCommand.self],
        defaultSubcommand: ChangesTailCommand.self)
}
