import ArgumentParser
import TouchpointStore

/// `dead-letters retry`: queue refused changes again as new edits.
struct DeadLettersRetryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry", abstract: "Apply refused changes again and queue them for the next sync.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var selection: DeadLetterSelection

    func run() throws {
        let count = try store.open().retryDeadLetters(selection.selected)
        print("queued \(count) change\(count == 1 ? "" : "s") again; run `touchpoint-agent sync`")
    }
}
