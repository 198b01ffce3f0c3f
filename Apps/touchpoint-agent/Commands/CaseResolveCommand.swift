import ArgumentParser
import Foundation
import TouchpointCLI
import TouchpointModel

/// `case resolve`: marks an open or pending case resolved and stamps `resolved_at`.
struct CaseResolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "resolve", abstract: "Resolve a case.")

    @OptionGroup var target: RecordTarget
    @Option(help: "When it was resolved (ISO 8601; default now).") var at: String?

    func run() throws {
        let resolvedAt = try Parse.date(at, option: "--at") ?? Date()
        try target.update(SupportCase.self, line: { $0.summary("resolved") }) { c in
            guard c.status == .open || c.status == .pending else {
                throw CLIError("case is already \(c.status.rawValue)")
            }
            c.status = .resolved
            c.resolvedAt = resolvedAt
        }
    }
}
