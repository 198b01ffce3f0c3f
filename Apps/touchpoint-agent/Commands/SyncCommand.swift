import ArgumentParser
import Foundation
import TouchpointCLI
import TouchpointClient
import TouchpointStore

/// `sync`: one shot — push the outbox, then pull until caught up.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync", abstract: "Push local changes and pull the server's, once.",
        discussion: """
            Safe to interrupt at any point: run it again and it continues where it stopped. \
            Exits 0 when everything was accepted, 4 when the server refused changes (kept as dead letters).
            """)

    /// The exit status of a sync whose pushes the server partly refused.
    static let refusedExitCode: Int32 = 4

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var wait: TimeoutOptions

    func run() async throws {
        let database = try store.open()
        let bar = ProgressBar(enabled: !output.json)
        let summary = try await AgentSync(store: database, timeouts: wait.timeouts).syncOnce { progress in
            bar.update(done: progress.done, total: progress.total, caption: progress.phase.rawValue)
        }
        bar.clear()
        let deadLetters = try database.status().deadLetters
        if output.json {
            try JSONOutput.object([
                "pushed": summary.pushed, "pulled": summary.pulled, "conflicts": summary.conflicts,
                "rejected": summary.rejected, "dead_letters": deadLetters, "restamped": summary.restamped,
                "server_restored": summary.serverRestored ?? NSNull(),
                "full_resync": summary.fullResync ?? NSNull(),
                "full_resync_deferred": summary.fullResyncDeferred ?? NSNull(),
                "duration_seconds": (summary.duration * 1000).rounded() / 1000,
            ])
        } else {
            if let restored = summary.serverRestored {
                print("\(restored): re-pushed what this laptop holds and pulled everything again")
            }
            if let resync = summary.fullResync { print("full resync: \(resync)") }
            if let deferred = summary.fullResyncDeferred { print("full resync deferred: \(deferred)") }
            print(
                "pushed \(summary.pushed) · pulled \(summary.pulled) · conflicts \(summary.conflicts) · "
                    + "rejected \(summary.rejected) · \(String(format: "%.2f", summary.duration))s")
            if summary.restamped > 0 {
                print("this laptop's clock had run ahead: \(summary.restamped) unsynced change(s) were re-stamped before pushing")
            }
            if summary.rejected > 0 {
                print("\(summary.rejected) change(s) refused by the server were rolled back here and kept as dead letters: see `touchpoint-agent dead-letters list`")
            }
        }
        if summary.rejected > 0 { throw ExitCode(Self.refusedExitCode) }
    }
}
