import CoreMetrics
import Prometheus
import TouchpointModel
import TouchpointProtocol

/// The server's metrics, created once against the registry this server owns, with
/// fixed dimensions only (a role, an error code; never an agent id).
///
/// Each server gets its own ``PrometheusCollectorRegistry`` rather than the global
/// `MetricsSystem`, which can be bootstrapped once per process: tests run many
/// servers in one process, and each one scrapes only what it counted.
///
/// ```swift
/// let metrics = ServerMetrics()
/// let service = SyncService(store: store, metrics: metrics)
/// print(metrics.exposition())   // Prometheus text format 0.0.4
/// ```
public final class ServerMetrics: Sendable {
    /// Where every metric below is kept; ``exposition()`` renders it.
    public let registry: PrometheusCollectorRegistry
    let factory: PrometheusMetricsFactory

    /// Connections open now.
    private let connectionsOpen: CoreMetrics.Meter
    /// Connections refused at once because a connection cap was reached.
    private let connectionsRefused: CoreMetrics.Counter
    /// Hellos refused (unknown or revoked token, another agent's token).
    private let hellosFailed: CoreMetrics.Counter
    /// Push batches answered, applied or refused.
    private let pushes: CoreMetrics.Counter
    /// Pull requests answered.
    private let pulls: CoreMetrics.Counter
    /// Changes applied.
    private let changesApplied: CoreMetrics.Counter
    /// Concurrent edits detected and kept.
    private let conflicts: CoreMetrics.Counter
    /// Requests that failed with `INTERNAL` or `UNAVAILABLE`: the store, not the peer.
    private let storeErrors: CoreMetrics.Counter
    /// How long a push batch takes, checks to acknowledgement.
    private let pushLatency: CoreMetrics.Timer
    /// How long a pull page takes to read and fit.
    private let pullLatency: CoreMetrics.Timer
    /// How far ahead of the server clock a pushed change's clock was (seconds; negative: behind).
    private let clockSkew: CoreMetrics.Recorder
    /// Bytes read from sync connections, as on the wire (compressed, encrypted).
    private let bytesReceived: CoreMetrics.Counter
    /// Bytes written to sync connections, as on the wire.
    private let bytesSent: CoreMetrics.Counter
    /// Frame payloads read, as serialized before compression.
    private let payloadBytesReceived: CoreMetrics.Counter
    /// Frame payloads written, as serialized before compression.
    private let payloadBytesSent: CoreMetrics.Counter
    /// The change log's highest sequence, read at each scrape.
    private let sequenceHead: CoreMetrics.Gauge
    /// The lowest pull cursor of an agent that has connected and is not revoked, read at each scrape.
    private let oldestAgentCursor: CoreMetrics.Gauge
    /// The largest head-minus-cursor of those agents: how far behind the slowest one is.
    private let maxAgentLag: CoreMetrics.Gauge

    /// Creates the metrics in a new registry of their own.
    public convenience init() {
        self.init(registry: PrometheusCollectorRegistry())
    }

    /// Creates the metrics in `registry`.
    public init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.valueHistogramBuckets[Name.clockSkew] = [-300, -60, -10, -1, 0, 1, 10, 60, 300]
        self.factory = factory
        connectionsOpen = CoreMetrics.Meter(label: Name.connectionsOpen, factory: factory)
        connectionsRefused = CoreMetrics.Counter(label: Name.connectionsRefused, factory: factory)
        hellosFailed = CoreMetrics.Counter(label: Name.hellosFailed, factory: factory)
        pushes = CoreMetrics.Counter(label: Name.pushes, factory: factory)
        pulls = CoreMetrics.Counter(label: Name.pulls, factory: factory)
        changesApplied = CoreMetrics.Counter(label: Name.changesApplied, factory: factory)
        conflicts = CoreMetrics.Counter(label: Name.conflicts, factory: factory)
        storeErrors = CoreMetrics.Counter(label: Name.storeErrors, factory: factory)
        pushLatency = CoreMetrics.Timer(label: Name.pushLatency, factory: factory)
        pullLatency = CoreMetrics.Timer(label: Name.pullLatency, factory: factory)
        clockSkew = CoreMetrics.Recorder(label: Name.clockSkew, factory: factory)
        bytesReceived = CoreMetrics.Counter(label: Name.bytesReceived, factory: factory)
        bytesSent = CoreMetrics.Counter(label: Name.bytesSent, factory: factory)
        payloadBytesReceived = CoreMetrics.Counter(label: Name.payloadBytesReceived, factory: factory)
        payloadBytesSent = CoreMetrics.Counter(label: Name.payloadBytesSent, factory: factory)
        sequenceHead = CoreMetrics.Gauge(label: Name.sequenceHead, factory: factory)
        oldestAgentCursor = CoreMetrics.Gauge(label: Name.oldestAgentCursor, factory: factory)
        maxAgentLag = CoreMetrics.Gauge(label: Name.maxAgentLag, factory: factory)
    }

    /// The metric names, in one place for the code and the tests (docs/operations.md lists them).
    package enum Name {
        package static let connectionsOpen = "touchpoint_connections_open"
        package static let connectionsRefused = "touchpoint_connections_refused_total"
        package static let sessions = "touchpoint_sessions_started_total"
        package static let hellosFailed = "touchpoint_hellos_failed_total"
        package static let pushes = "touchpoint_pushes_total"
        package static let pulls = "touchpoint_pulls_total"
        package static let changesApplied = "touchpoint_changes_applied_total"
        package static let changesRefused = "touchpoint_changes_refused_total"
        package static let conflicts = "touchpoint_conflicts_total"
        package static let storeErrors = "touchpoint_store_errors_total"
        package static let pushLatency = "touchpoint_push_duration_seconds"
        package static let pullLatency = "touchpoint_pull_duration_seconds"
        package static let clockSkew = "touchpoint_agent_clock_skew_seconds"
        package static let bytesReceived = "touchpoint_bytes_received_total"
        package static let bytesSent = "touchpoint_bytes_sent_total"
        package static let payloadBytesReceived = "touchpoint_payload_bytes_received_total"
        package static let payloadBytesSent = "touchpoint_payload_bytes_sent_total"
        package static let sequenceHead = "touchpoint_sequence_head"
        package static let oldestAgentCursor = "touchpoint_oldest_agent_cursor"
        package static let maxAgentLag = "touchpoint_max_agent_lag"
    }

    /// Counts a connection admitted; it is open until ``connectionClosed()``.
    func connectionOpened() { connectionsOpen.increment() }

    /// Counts an admitted connection closed.
    func connectionClosed() { connectionsOpen.decrement() }

    /// Counts a connection refused over a connection cap.
    func connectionRefused() { connectionsRefused.increment() }

    /// Counts a refused Hello.
    func helloFailed() { hellosFailed.increment() }

    /// Counts bytes read from a sync connection.
    func received(bytes: Int) { bytesReceived.increment(by: bytes) }

    /// Counts bytes written to a sync connection.
    func sent(bytes: Int) { bytesSent.increment(by: bytes) }

    /// Counts each frame read by its payload before compression (the decoder's observer).
    var payloadReceived: FrameSizeObserver {
        { [payloadBytesReceived] payload, _ in payloadBytesReceived.increment(by: payload) }
    }

    /// Counts each frame written by its payload before compression (the encoder's observer).
    var payloadSent: FrameSizeObserver {
        { [payloadBytesSent] payload, _ in payloadBytesSent.increment(by: payload) }
    }

    /// Counts a push batch and records how long `body`, the push, takes.
    func push<T>(_ body: () async throws -> T) async rethrows -> T {
        pushes.increment()
        return try await timed(pushLatency, body)
    }

    /// Counts a pull and records how long `body`, the pull, takes.
    func pull<T>(_ body: () async throws -> T) async rethrows -> T {
        pulls.increment()
        return try await timed(pullLatency, body)
    }

    /// Counts a session welcomed, by its role.
    func sessionStarted(role: AgentRole) {
        CoreMetrics.Counter(label: Name.sessions, dimensions: [("role", role.rawValue)], factory: factory).increment()
    }

    /// Counts what one acknowledged push did: applied, conflicts, and refusals by code.
    func pushed(_ outcome: PushAcknowledgement) {
        changesApplied.increment(by: outcome.applied)
        conflicts.increment(by: outcome.conflicts)
        for rejection in outcome.rejected { changesRefused(code: rejection.code, count: 1) }
    }

    /// Counts changes refused with `code` (a whole batch refused counts every change in it).
    package func changesRefused(code: ProtocolError.Code, count: Int) {
        CoreMetrics.Counter(label: Name.changesRefused, dimensions: [("code", code.name)], factory: factory).increment(by: count)
    }

    /// Runs `body` and records how long it took in `timer`, whether it returned or threw.
    private func timed<T>(_ timer: CoreMetrics.Timer, _ body: () async throws -> T) async rethrows -> T {
        let start = ContinuousClock.now
        defer {
            let elapsed = start.duration(to: .now).components
            timer.recordNanoseconds(elapsed.seconds * 1_000_000_000 + elapsed.attoseconds / 1_000_000_000)
        }
        return try await body()
    }

    /// Records how far a pushed clock (`hlc`, ms) was ahead of the server's `wall` clock (ms).
    func clockObserved(_ hlc: HLC, wall: UInt64) {
        clockSkew.record((Double(hlc.physical) - Double(wall)) / 1000)
    }

    /// Sets the sync-state gauges from the store's view of every agent: only agents that
    /// have connected and are not revoked count (one never seen would pin the cursor at 0).
    func syncState(head: UInt64, agents: [AgentSyncState]) {
        sequenceHead.record(head)
        let active = agents.filter { !$0.revoked && $0.protocolVersion != nil }
        let oldest = active.map(\.cursor).min() ?? head
        oldestAgentCursor.record(oldest)
        maxAgentLag.record(head > oldest ? head - oldest : 0)
    }

    /// Counts a failed request when the failure is the server's, not the peer's.
    func requestFailed(_ error: ProtocolError) {
        if error.code == .internal || error.code == .unavailable { storeErrors.increment() }
    }

    /// The registry in the Prometheus text format 0.0.4.
    public func exposition() -> String {
        registry.emitToString()
    }
}
