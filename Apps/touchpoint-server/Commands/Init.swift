import ArgumentParser
import Foundation
import TouchpointModel
import TouchpointServer

struct Init: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create the server store and print the first admin token (shown once).")

    @OptionGroup var store: StoreOptions

    @Option(help: "Name of the first admin.")
    var adminName = "admin"

    func run() async throws {
        if SQLiteServerStore.exists(directory: store.data) {
            throw UserError("\(store.data) already holds a server store; nothing changed")
        }
        let server = try store.open(mustExist: false)
        let admin = try Agent(name: adminName, territories: [], role: .admin)
        let token = try await server.addAgent(admin, now: Date())
        let info = try await server.info()
        print("server store created in \(store.data)")
        print("server id: \(info.serverID)")
        print("admin id:  \(admin.id.uuidString.lowercased())")
        print("admin token (shown once, keep it safe): \(token)")
    }
}
