import Foundation
import Logging
import ServiceLifecycle
import TouchpointProtocol

/// Garbage-collects the change log every `interval`, for `serve --gc-interval`: one
/// ``ServerStore/collectGarbage(_:now:)`` per tick, its report logged. A failed
/// collection is logged and tried again at the next tick (it wrote nothing).
public struct GarbageCollectionService: Service {
    let store: any ServerStore
    let interval: Duration
    let settings: GarbageCollectionSettings
    let logger: Logger
    let clock: @Sendable () -> Date

    /// A service collecting `store` every `interval` (the first collection one interval after start).
    public init(
        store: any ServerStore, interval: Duration, settings: GarbageCollectionSettings = .defaults, logger: Logger,
        clock: @escaping @Sendable () -> Date = Date.init
    ) {
        self.store = store
        self.interval = interval
        self.settings = settings
        self.logger = logger
        self.clock = clock
    }

    public func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                while true {
                    try await Task.sleep(for: interval)
                    await collect()
                }
            }
        } catch is CancellationError {
            return
        }
    }

    /// The audit log's actor for scheduled collections.
    var audit: AuditRecorder {
        AuditRecorder(store: store, actor: AuditEntry.Actor(agentID: nil, name: "server (--gc-interval)"), logger: logger, clock: clock)
    }

    /// One collection, logged; in the audit log when it changed something or failed (a quiet
    /// schedule does not fill the audit log with no-ops).
    func collect() async {
        do {
            let report = try await store.collectGarbage(settings, now: clock())
            if report.changedSomething { await audit.append(.gc, target: Self.target, outcome: .ok, detail: report.summary) }
            logger.info(
                "change log garbage-collected",
                metadata: [
                    "horizon": "\(report.horizon)", "head": "\(report.head)", "compacted_records": "\(report.recordsCompacted)",
                    "entries_removed": "\(report.entriesRemoved)", "tombstones_purged": "\(report.tombstonesPurged)",
                    "agents_marked_stale": "\(report.agentsMarkedStale.count)",
                ])
        } catch {
            logger.error("change log garbage collection failed", metadata: ["error": "\(error)"])
            await audit.append(.gc, target: Self.target, outcome: .refused(AuditRecorder.reason(error)), detail: nil)
        }
    }

    /// What a collection is recorded as acting on.
    public static let target = "change log"
}
