import ArgumentParser
import Foundation
import TouchpointCLI
import TouchpointModel

/// `case`: the support case lifecycle.
struct CaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract: "Open, update, resolve, close, reopen, list and delete support cases.",
        subcommands: [
            CaseOpenCommand.self, CaseUpdateCommand.self, CaseResolveCommand.self, CaseCloseCommand.self,
            CaseReopenCommand.self, CaseListCommand.self, CaseDeleteCommand.self,
        ]
    )
}

extension SupportCase {
    /// One line after a change: `resolved case 1a2b3c4d (resolved, reopened 1×): Login fails`.
    func summary(_ verb: String) -> String {
        let reopened = reopenCount > 0 ? ", reopened \(reopenCount)×" : ""
        return "\(verb) case \(Format.short(id)) (\(status.rawValue)\(reopened)): \(subject)"
    }
}
