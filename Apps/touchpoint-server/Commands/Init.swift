import ArgumentParser
import Foundation
import TouchpointModel
import TouchpointProtocol
import TouchpointServer

struct Init: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create the server store and print the first admin token (shown once).")

    @OptionGroup var store: StoreOptions

    @Option(help: "Name of the first admin.")
    var adminName = "admin"

    func run() async throws {
        if try await store.exists() {
            throw UserError("\(try store.name()) already holds a server store; nothing changed")
        }
        let admin = try Agent(name: adminName, territories: [], role: .admin)
        let (token, info) = try await store.withStore(mustExist: false) { server in
            let token = try await AuditRecorder.localOperator(server).record(
                .agentAdd, target: admin.id.lowercasedText, detail: { _ in "\(admin.name), admin (the first, by init)" }
            ) { try await server.addAgent(admin, now: Date()) }
            return (token, try await server.info())
        }
        print("server store created in \(try store.name())")
        print("server id: \(info.serverID)")
        print("admin id:  \(admin.id.uuidString.lowercased())")
        print("admin token (shown once, keep it safe): \(token)")
    }
}
