import ArgumentParser
import TouchpointStore

/// `dead-letters discard`: forget refused changes for good.
struct DeadLettersDiscardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "discard", abstract: "Drop refused changes for good.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var selection: DeadLetterSelection

    func run() throws {
        let count = try store.open().discardDeadLetters(selection.selected)
        print("discarded \(count) dead letter\(count == 1 ? "" : "s")")
    }
}
