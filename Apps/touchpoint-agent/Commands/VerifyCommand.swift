import ArgumentParser
import Foundation
import TouchpointCLI
import TouchpointClient
import TouchpointModel
import TouchpointStore

/// `verify`: compares this database with the server's copy of the same scope.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check that this laptop and the server hold the same records (digests).",
        discussion: "Exits 0 when converged, 3 when not. Sync first: unsynced local changes differ by design.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var wait: TimeoutOptions

    func run() async throws {
        let database = try store.open()
        let result = try await AgentSync(store: database, timeouts: wait.timeouts).verify()
        if output.json {
            let entities = result.local.entities.keys.sorted().map { name -> [String: Any] in
                ["entity": name, "local_records": result.local.entities[name]?.count ?? 0,
                 "server_records": result.server.entities[name]?.count ?? 0, "equal": !result.differing.contains(name)]
            }
            try JSONOutput.object(["converged": result.converged, "entities": entities])
        } else if result.converged {
            print("converged: \(result.local.entities.values.map(\.count).reduce(0, +)) records match the server")
        } else {
            print("NOT converged: \(result.differing.joined(separator: ", ")) differ")
            for name in result.differing {
                print("  \(name): local \(result.local.entities[name]?.count ?? 0) records, server \(result.server.entities[name]?.count ?? 0)")
            }
            let outbox = try database.status().outboxDepth
            if outbox > 0 { print("  \(outbox) local change(s) are not pushed yet: run `touchpoint-agent sync`") }
        }
        if !result.converged { throw ExitCode(3) }
    }
}
