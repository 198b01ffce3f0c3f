import ArgumentParser
import Foundation
import TouchpointCLI
import TouchpointModel

/// `case reopen`: opens a resolved or closed case again, counting the reopen and clearing `resolved_at`.
struct CaseReopenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reopen", abstract: "Reopen a resolved or closed case.")

    @OptionGroup var target: RecordTarget

    func run() throws {
        try target.update(SupportCase.self, line: { $0.summary("reopened") }) { c in
            guard c.status == .resolved || c.status == .closed else {
                throw CLIError("case is \(c.status.rawValue): only a resolved or closed case can be reopened")
            }
            c.status = .open
            c.reopenCount += 1
            c.resolvedAt = nil
        }
    }
}
