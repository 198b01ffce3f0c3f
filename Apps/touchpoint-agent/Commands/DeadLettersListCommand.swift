import ArgumentParser
import Foundation
import TouchpointCLI
import TouchpointModel
import TouchpointStore

/// `dead-letters list`: each refused change with the server's reason.
struct DeadLettersListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the changes the server refused.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let letters = try store.open().deadLetters()
        if output.json {
            return try JSONOutput.object(letters.map { letter in
                [
                    "seq": letter.entry.seq, "entity": letter.entry.change.entity.rawValue,
                    "id": letter.entry.change.id.uuidString.lowercased(), "code": letter.code, "message": letter.message,
                    "failed_at": Timestamp.format(letter.failedAt),
                ] as [String: Any]
            })
        }
        var table = Table("seq", "record", "code", "reason")
        for letter in letters {
            let change = letter.entry.change
            table.add("\(letter.entry.seq)", "\(change.entity.displayName) \(change.id.uuidString.lowercased().prefix(8))", letter.code, letter.message)
        }
        table.print(empty: "no dead letters")
    }
}
