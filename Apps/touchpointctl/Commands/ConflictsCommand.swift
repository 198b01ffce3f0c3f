import ArgumentParser
import Foundation
import TouchpointAdminClient

/// `conflicts list|show|resolve`.
struct ConflictsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflicts", abstract: "List, show and resolve concurrent edits the server kept.",
        subcommands: [ConflictsListCommand.self, ConflictsShowCommand.self, ConflictsResolveCommand.self],
        defaultSubcommand: ConflictsListCommand.self)
}
