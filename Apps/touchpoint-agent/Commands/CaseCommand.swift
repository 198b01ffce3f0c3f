import ArgumentParser
import Foundation
import TouchpointModel
import TouchpointStore

/// `case`: the support case lifecycle.
struct CaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract: "Open, update, resolve, close, reopen and list support cases.",
        subcommands: [
            CaseOpenCommand.self, CaseUpdateCommand.self, CaseResolveCommand.self, CaseCloseCommand.self,
            CaseReopenCommand.self, CaseListCommand.self,
        ]
    )
}

/// What every case-changing subcommand takes: the database, `--json` and the case id.
struct CaseTarget: ParsableArguments {
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "Case id or unique prefix.") var id: String

    /// Applies `edit` to the case in one transaction and prints the result.
    func update(verb: String, _ edit: (inout SupportCase) throws -> Void) throws {
        let database = try store.open()
        let caseID = try database.resolveID(.supportCase, id)
        let updated = try database.update(SupportCase.self, id: caseID, edit)
        if output.json {
            try JSONOutput.record(updated)
        } else {
            let reopened = updated.reopenCount > 0 ? ", reopened \(updated.reopenCount)×" : ""
            print("\(verb) case \(Format.short(updated.id)) (\(updated.status.rawValue)\(reopened)): \(updated.subject)")
        }
    }
}
