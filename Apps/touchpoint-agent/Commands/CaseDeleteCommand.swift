import ArgumentParser
import TouchpointModel

/// `case delete`: deletes a case with a tombstone that syncs.
struct CaseDeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a case.")

    @OptionGroup var target: RecordTarget

    func run() throws {
        try target.delete(SupportCase.self) { $0.summary("deleted") }
    }
}
