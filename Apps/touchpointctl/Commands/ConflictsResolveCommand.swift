import ArgumentParser
import Foundation
import TouchpointAdminCLI
import TouchpointAdminClient
import TouchpointCLI
import TouchpointModel
import TouchpointProtocol

/// `conflicts resolve ID --keep winner|loser|value=…`: a new write that propagates to every agent.
struct ConflictsResolveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Resolve a conflict: keep the winner, restore the loser, or write another value.",
        discussion: "The resolution is a new write that reaches every agent on its next sync. value=… is text; value:int=42 an integer.")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The conflict id.") var id: Int64
    @Option(help: "winner, loser, value=TEXT or value:int=N.") var keep: String

    func validate() throws { _ = try Self.parse(keep) }

    static func parse(_ text: String) throws -> AdminClient.Keep {
        switch text {
        case "winner": return .winner
        case "loser": return .loser
        case _ where text.hasPrefix("value:int="):
            guard let n = Int64(text.dropFirst("value:int=".count)) else { throw ValidationError("--keep value:int=N needs an integer") }
            return .value(.integer(n))
        case _ where text.hasPrefix("value="): return .value(.text(String(text.dropFirst("value=".count))))
        default: throw ValidationError("--keep must be winner, loser or value=…, got '\(text)'")
        }
    }

    func run() async throws {
        let (conflict, sequence, names) = try await connection.connect { admin in
            let (conflict, sequence) = try await admin.resolve(id, keep: try Self.parse(keep))
            return (conflict, sequence, try await admin.agentNames())
        }
        if output.json { return try JSONOutput.encodable(conflict, adding: ["sequence": sequence]) }
        ConflictText.detail(conflict, agentNames: names).forEach { print($0) }
        print(sequence == 0 ? "nothing to write: the kept value is current" : "written as change \(sequence); agents get it on their next sync")
    }
}
