import ArgumentParser
import Foundation
import TouchpointServer

struct Restore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replace the store with a backup under a new epoch (stop the server first).",
        discussion: """
            Agents see the new epoch at their next sync: each re-pushes what it holds and pulls \
            everything again, so changes acknowledged after the backup was taken come back. \
            A store already in --data is moved aside to server.sqlite.replaced-MS.
            """)

    @OptionGroup var store: StoreOptions

    @Argument(help: "The backup file (from `touchpoint-server backup`).")
    var file: String

    func run() async throws {
        let data = try store.directory(for: "restore")
        let info = try await SQLiteServerStore.restore(backup: file, into: data)
        print("restored \(file) into \(data)")
        print("server id: \(info.serverID)")
        print("epoch:     \(info.epoch) (new: agents re-push and re-pull at their next sync)")
        print("head:      \(info.head)")
    }
}
