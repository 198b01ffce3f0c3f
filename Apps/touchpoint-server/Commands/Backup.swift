import ArgumentParser
import Foundation
import TouchpointProtocol
import TouchpointServer

struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a consistent copy of the store to FILE (safe while the server runs).")

    @OptionGroup var store: StoreOptions

    @Argument(help: "The backup file to write.")
    var file: String

    func run() async throws {
        let sqlite = try store.sqlite(for: "backup")
        try await AuditRecorder.localOperator(sqlite).record(.backup, target: file) {
            if FileManager.default.fileExists(atPath: file) { throw UserError("\(file) already exists; nothing written") }
            try sqlite.backup(to: file)
        }
        print("backup written to \(file)")
    }
}
