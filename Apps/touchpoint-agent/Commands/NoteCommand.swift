import ArgumentParser

/// `note`: append-only notes on customers and cases.
struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note", abstract: "Add notes to customers and cases.", subcommands: [NoteAddCommand.self])
}
