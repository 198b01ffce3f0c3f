import ArgumentParser
import Foundation
import TouchpointProtocol
import TouchpointServer

struct GarbageCollect: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gc",
        abstract: "Compact the change log below every active agent's cursor and purge old tombstones (safe while serving).",
        discussion: """
            Agents that synced before but were not seen for --stale-after days are marked stale: they no longer hold \
            the horizon back, and resync whole (keeping and pushing their unsynced work) when they return.
            """)

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("Mark agents silent for longer than this stale (default 30).", valueName: "DAYS"))
    var staleAfter: Double = 30

    @Flag(help: "Decide and report, write nothing.")
    var dryRun = false

    @Flag(help: "Print the report as JSON.")
    var json = false

    func validate() throws {
        guard staleAfter > 0 else { throw ValidationError("--stale-after must be more than 0 days") }
    }

    func run() async throws {
        let settings = GarbageCollectionSettings(staleAfter: staleAfter * 86_400, dryRun: dryRun)
        let report = try await store.withStore { store in
            // A dry run writes nothing, so it is not an action on the store.
            guard !dryRun else { return try await store.collectGarbage(settings, now: Date()) }
            return try await AuditRecorder.localOperator(store).record(
                .gc, target: GarbageCollectionService.target, detail: { $0.summary }
            ) { try await store.collectGarbage(settings, now: Date()) }
        }
        if json {
            let encoder = JSONEncoder()
            encoder.keyEncodingStrategy = .convertToSnakeCase
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
            return
        }
        for line in Self.lines(report) { print(line) }
    }

    /// The report in words.
    static func lines(_ report: GarbageCollectionReport) -> [String] {
        [
            (report.dryRun ? "dry run: nothing written" : nil),
            "horizon \(report.horizon) (head \(report.head), \(report.activeAgents) active agent(s))",
            "entries below the horizon: \(report.entriesBelowHorizon)",
            "compacted: \(report.recordsCompacted) record(s), \(report.entriesCompacted) entries → \(report.entriesWritten)",
            "tombstones purged: \(report.tombstonesPurged) (\(report.entriesPurged) entries)",
            "change-log entries removed: \(report.entriesRemoved)",
            "agents marked stale: "
                + (report.agentsMarkedStale.isEmpty ? "none" : report.agentsMarkedStale.joined(separator: ", ")),
        ].compactMap { $0 }
    }
}
