import ArgumentParser
import Foundation
import TouchpointServer

struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a consistent copy of the store to FILE (safe while the server runs).")

    @OptionGroup var store: StoreOptions

    @Argument(help: "The backup file to write.")
    var file: String

    func run() async throws {
        if FileManager.default.fileExists(atPath: file) { throw UserError("\(file) already exists; nothing written") }
        try store.sqlite(for: "backup").backup(to: file)
        print("backup written to \(file)")
    }
}
