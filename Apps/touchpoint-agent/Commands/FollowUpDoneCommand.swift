import ArgumentParser
import Foundation
import TouchpointCLI
import TouchpointModel
import TouchpointStore

/// `followup done`: marks a follow-up done now.
struct FollowUpDoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "done", abstract: "Mark a follow-up done.")

    @OptionGroup var target: RecordTarget

    func run() throws {
        let now = Date()
        let line = { (f: FollowUp) in "done: follow-up \(Format.short(f.id))" + (f.note.map { " (\($0))" } ?? "") }
        try target.update(FollowUp.self, now: now, line: line) { f in
            guard f.status == .open else { throw CLIError("follow-up is already \(f.status.rawValue)") }
            f.status = .done
            f.completedAt = max(now, f.createdAt)
        }
    }
}
