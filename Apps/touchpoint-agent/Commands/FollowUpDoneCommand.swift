import ArgumentParser
import Foundation
import TouchpointModel
import TouchpointStore

/// `followup done`: marks a follow-up done now.
struct FollowUpDoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "done", abstract: "Mark a follow-up done.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "Follow-up id or unique prefix.") var id: String

    func run() throws {
        let database = try store.open()
        let followUpID = try database.resolveID(.followUp, id)
        let now = Date()
        let done = try database.update(FollowUp.self, id: followUpID, now: now) { f in
            guard f.status == .open else { throw CLIError("follow-up is already \(f.status.rawValue)") }
            f.status = .done
            f.completedAt = max(now, f.createdAt)
        }
        if output.json {
            try JSONOutput.record(done)
        } else {
            print("done: follow-up \(Format.short(done.id))" + (done.note.map { " (\($0))" } ?? ""))
        }
    }
}
