import ArgumentParser
import Foundation
import TouchpointCLI
import Logging
import TouchpointClient

/// `run`: the sync daemon.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Sync in the background until stopped (Ctrl-C or SIGTERM).",
        discussion: "Syncs every --interval seconds and soon after local writes; while the server is unreachable it retries with exponential backoff and jitter, and never gives up.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var wait: TimeoutOptions

    @Option(help: "Seconds between syncs when all is well.")
    var interval: Int = 60

    @Option(help: "Longest wait between retries while the server is unreachable, in seconds.")
    var maxBackoff: Int = 300

    func validate() throws {
        guard interval >= 1 else { throw ValidationError("--interval must be at least 1 second") }
        guard maxBackoff >= 1 else { throw ValidationError("--max-backoff must be at least 1 second") }
    }

    func run() async throws {
        let database = try store.open()
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        let logger = Logger(label: "touchpoint.agent")
        _ = try AgentSync(store: database).connectionSettings()  // fail fast when no server is configured
        let task = Task { await AgentSync(store: database, timeouts: wait.timeouts).run(interval: .seconds(interval), maxBackoff: .seconds(maxBackoff), logger: logger) }
        for signal in [SIGINT, SIGTERM] {
            Foundation.signal(signal, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signal, queue: .main)
            source.setEventHandler { task.cancel() }
            source.resume()
            Self.sources.append(source)
        }
        await task.value
        logger.info("stopped")
    }

    nonisolated(unsafe) static var sources: [any DispatchSourceSignal] = []
}
