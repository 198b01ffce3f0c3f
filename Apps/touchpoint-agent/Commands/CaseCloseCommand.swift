import ArgumentParser
import Foundation
import TouchpointCLI
import TouchpointModel

/// `case close`: closes a case; one closed without being resolved is resolved now.
struct CaseCloseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "close", abstract: "Close a case.")

    @OptionGroup var target: RecordTarget
    @Option(help: "When it was resolved, if it was not yet (ISO 8601; default now).") var at: String?

    func run() throws {
        let resolvedAt = try Parse.date(at, option: "--at") ?? Date()
        try target.update(SupportCase.self, line: { $0.summary("closed") }) { c in
            guard c.status != .closed else { throw CLIError("case is already closed") }
            c.status = .closed
            if c.resolvedAt == nil { c.resolvedAt = resolvedAt }
        }
    }
}
