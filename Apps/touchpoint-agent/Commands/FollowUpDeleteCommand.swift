import ArgumentParser
import TouchpointCLI
import TouchpointModel

/// `followup delete`: deletes a follow-up with a tombstone that syncs.
struct FollowUpDeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a follow-up.")

    @OptionGroup var target: RecordTarget

    func run() throws {
        try target.delete(FollowUp.self) { f in "deleted follow-up \(Format.short(f.id))" + (f.note.map { " (\($0))" } ?? "") }
    }
}
