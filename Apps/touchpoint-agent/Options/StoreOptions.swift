import ArgumentParser
import Foundation
import TouchpointCLI
import TouchpointStore

/// Where the agent database is: `--db`, else `$TOUCHPOINT_AGENT_DB`, else the per-user data directory.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The agent database file.",
            discussion: "Default: $TOUCHPOINT_AGENT_DB, else $XDG_DATA_HOME/touchpoint/agent.sqlite, else ~/.local/share/touchpoint/agent.sqlite."),
        completion: .file())
    var db: String?

    /// The database path after defaults.
    var path: String {
        if let db, !db.isEmpty { return db }
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["TOUCHPOINT_AGENT_DB"], !path.isEmpty { return path }
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".local/share").path
        return URL(fileURLWithPath: dataHome).appendingPathComponent("touchpoint/agent.sqlite").path
    }

    /// Opens an existing, initialized database; a missing file is not created.
    func open() throws -> AgentStore {
        guard FileManager.default.fileExists(atPath: path) else {
            throw CLIError("no agent database at \(path): run `touchpoint-agent init` first")
        }
        let store = try AgentStore(path: path)
        _ = try store.identity()  // fails with the "run init" message when not initialized
        return store
    }

    /// Opens the database, creating the file if needed (for `init`).
    func openOrCreate() throws -> AgentStore { try AgentStore(path: path) }
}

/// `--json`: machine-readable output on stdout, nothing else there.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON on stdout (and nothing else there).")
    var json = false
}
