import Foundation
import Logging
import TouchpointModel
import TouchpointProtocol

/// The server's sync logic behind any transport: authentication, clock-skew
/// checks, push, pull and verify, each delegated to the ``ServerStore``.
public struct SyncService: Sendable {
    /// Tunables with documented defaults.
    public struct Configuration: Sendable {
        /// A pushed HLC further ahead of the server clock than this is refused (seconds). Default 5 minutes.
        public var maxClockSkew: TimeInterval = 300
        /// What this server accepts and announces in Welcome: frame size, push batch,
        /// pull page. Default ``ProtocolLimits/defaults`` (4 MiB, 1000, 1000).
        public var limits = ProtocolLimits.defaults

        /// The defaults.
        public static var defaults: Configuration { Configuration() }
    }

    public let store: any ServerStore
    public var configuration: Configuration
    /// Pull pages read once and served to every agent of the same scope.
    public let pages: SharedPages
    /// Failed Hellos per peer address and agent, and the wait before the next check from an address.
    public let helloThrottle: HelloThrottle
    /// What this service and the server around it count, scraped on `/metrics`.
    public let metrics: ServerMetrics
    /// The backups admins are fetching over the wire (`touchpointctl backup`).
    public let backups: BackupExports
    let logger: Logger
    let clock: @Sendable () -> Date

    /// Creates a service over a store.
    public init(
        store: any ServerStore, configuration: Configuration = .defaults, logger: Logger = Logger(label: "touchpoint.sync"),
        helloThrottle: HelloThrottle = HelloThrottle(), pages: SharedPages = SharedPages(),
        metrics: ServerMetrics = ServerMetrics(), backups: BackupExports = BackupExports(),
        clock: @escaping @Sendable () -> Date = Date.init
    ) {
        self.store = store
        self.backups = backups
        self.metrics = metrics
        self.pages = pages
        self.configuration = configuration
        self.helloThrottle = helloThrottle
        self.logger = logger
        self.clock = clock
    }

    /// Checks a Hello from `peer` (its IP address): first waits what the address's
    /// failed Hellos cost it, then checks the token and that it belongs to the
    /// agent Hello names. A refusal is logged and counted — never with the token.
    public func admit(_ hello: ServerHandshake, peer: String) async throws -> Principal {
        let delay = helloThrottle.delay(for: peer)
        if delay > .zero { try await Task.sleep(for: delay) }
        do {
            let principal = try await authenticate(token: hello.token, site: hello.siteID, protocolVersion: Int(hello.version))
            // No agent id in Hello: whoever the token belongs to (Welcome tells the client).
            guard hello.agentID == nil || principal.agentID == hello.agentID || principal.role == .admin else {
                throw ProtocolError(.unauthenticated, "the token belongs to another agent than Hello's agent_id")
            }
            return principal
        } catch let error as ProtocolError where error.code == .unauthenticated {
            metrics.helloFailed()
            helloThrottle.failed(peer: peer, claimedAgent: hello.agentID, reason: error.message)
            logger.warning(
                "hello refused",
                metadata: [
                    "peer": "\(peer)", "claimed_agent": "\(hello.agentID?.lowercasedText ?? "none")",
                    "reason": "\(error.message)", "waited": "\(delay)",
                ])
            throw error
        }
    }

    /// Ends a session whose agent was revoked or deleted since its Hello (one lookup per request).
    public func reauthorize(_ principal: Principal) async throws {
        guard try await store.isActive(agentID: principal.agentID) else {
            throw ProtocolError(.unauthenticated, "\(principal.name) was revoked or removed; the session ends")
        }
    }

    /// Authenticates a session's token and binds it to the site it speaks for.
    public func authenticate(token: String, site: SiteID, protocolVersion: Int) async throws -> Principal {
        guard let agent = try await store.authenticate(token: token) else {
            throw ProtocolError(.unauthenticated, "unknown or revoked token")
        }
        var principal = Principal(
            agentID: agent.id, name: agent.name, role: agent.role, team: agent.team, territories: agent.territories, site: site)
        principal.resyncRequired = try await store.sessionStarted(principal, protocolVersion: protocolVersion, now: clock())
        return principal
    }

    /// Applies a pushed batch after checking its size and every clock. Changes the
    /// batch decoding `refused` (text that is not UTF-8) are acknowledged as rejected.
    /// A pipelined batch (`previous`: the last sequence of the batch sent before it)
    /// is refused unless that one was acknowledged.
    public func push(
        _ entries: [SequencedChange], refused: [RefusedChange] = [], after previous: UInt64? = nil, from principal: Principal
    ) async throws -> PushAcknowledgement {
        do {
            let outcome = try await metrics.push {
                try await apply(entries, refused: refused, after: previous, from: principal)
            }
            metrics.pushed(outcome)
            return outcome
        } catch let refusal as ProtocolError where !refusal.code.isRetryable && refusal.code != .internal {
            metrics.changesRefused(code: refusal.code, count: entries.count + refused.count)
            throw refusal
        }
    }

    /// ``push(_:refused:after:from:)`` without the counting.
    private func apply(
        _ entries: [SequencedChange], refused: [RefusedChange], after previous: UInt64?, from principal: Principal
    ) async throws -> PushAcknowledgement {
        let now = clock()
        guard entries.count <= configuration.limits.maxBatchChanges else {
            throw ProtocolError(
                .resourceExhausted, "batch of \(entries.count) changes exceeds the limit of \(configuration.limits.maxBatchChanges)")
        }
        for entry in entries {
            metrics.clockObserved(entry.change.maxHLC, wall: HLC.milliseconds(now))
            do {
                try ClockSkewError.check(entry.change.maxHLC, wall: HLC.milliseconds(now), maxSkew: configuration.maxClockSkew)
            } catch let skew as ClockSkewError {
                let message = "change \(entry.sequence) (\(entry.change.entity.rawValue) \(entry.change.id.lowercasedText)): \(skew)"
                try? await store.recordError(agentID: principal.agentID, message: message, now: now)
                throw ProtocolError(.failedPrecondition, message)
            }
        }
        var outcome: PushAcknowledgement
        do {
            outcome = try await store.push(entries, from: principal, now: now) { entries, context in
                try PushRules.plan(entries, after: previous, from: principal, now: now, context: context)
            }
        } catch let refusal as ProtocolError where !refusal.code.isRetryable {
            // The whole batch was refused (a copied laptop, a pipelined batch behind a refused one): admins see why.
            try? await store.recordError(agentID: principal.agentID, message: refusal.message, now: now)
            throw refusal
        }
        if let last = refused.map(\.sequence).max() {
            outcome.rejected += refused.map(Rejection.init)
            outcome.rejected.sort { $0.sequence < $1.sequence }
            outcome.ackedSequence = max(outcome.ackedSequence, last)
        }
        logger.debug(
            "push applied",
            metadata: ["agent": "\(principal.name)", "applied": "\(outcome.applied)", "conflicts": "\(outcome.conflicts)"])
        return outcome
    }

    /// Serves one page of changes after `cursor` in the principal's scope, cut to
    /// fit `maxFrameBytes` (the client's announced frame limit) in encoded bytes, and
    /// keeps the `outboxDepth` the agent reported (nil: it reported none).
    public func pull(
        after cursor: UInt64, limit: Int, maxFrameBytes: Int = ProtocolLimits.defaultMaxFrameBytes,
        outboxDepth: UInt64? = nil, for principal: Principal
    ) async throws -> PulledPage {
        try await servePull(after: cursor, limit: limit, maxFrameBytes: maxFrameBytes, outboxDepth: outboxDepth, for: principal).page
    }

    /// ``pull(after:limit:maxFrameBytes:outboxDepth:for:)`` with the encoded batch to
    /// send when the page comes from a page encoded once for every agent; `applied` is
    /// the agent's cursor when the pull was sent ahead of it (pipelined), else `cursor`.
    public func servePull(
        after cursor: UInt64, limit: Int, maxFrameBytes: Int = ProtocolLimits.defaultMaxFrameBytes,
        outboxDepth: UInt64? = nil, applied: UInt64? = nil, for principal: Principal
    ) async throws -> ServedPage {
        try await metrics.pull {
            try await serve(after: cursor, limit: limit, maxFrameBytes: maxFrameBytes, outboxDepth: outboxDepth, applied: applied, for: principal)
        }
    }

    /// ``servePull(after:limit:maxFrameBytes:outboxDepth:applied:for:)`` without the counting.
    private func serve(
        after cursor: UInt64, limit: Int, maxFrameBytes: Int, outboxDepth: UInt64?, applied: UInt64?, for principal: Principal
    ) async throws -> ServedPage {
        let size = max(1, min(limit, configuration.limits.maxPageChanges))
        // Recorded before the read: a garbage collection that commits after it keeps its horizon at or
        // below this cursor, and one that committed before it is wholly visible to the read.
        try await store.recordPull(principal, cursor: min(applied ?? cursor, cursor), outboxDepth: outboxDepth, now: clock())
        let window = try await window(after: cursor, size: size, for: principal)
        let page = PulledPage(
            changes: window.kept.map(\.sequenced), nextCursor: window.nextCursor, hasMore: window.more, sequenceHead: window.head)
        if principal.resyncRequired, !window.more { try await store.resyncCompleted(agentID: principal.agentID) }
        let budget = FrameBudget(maxFrameBytes: maxFrameBytes)
        // The shared encoding carries the whole page's tables: worth it for most of the
        // page, and only when the whole page fits the client's frames.
        if let shared = window.shared, window.sharedIndices.count * 2 >= shared.batch.changes.count,
            shared.pageBound <= budget.batchBytes
        {
            var batch = shared.batch
            batch.changes = window.sharedIndices.map { shared.batch.changes[$0] }
            return ServedPage(page: page, batch: batch)
        }
        do {
            return ServedPage(page: try page.fitting(budget))
        } catch let error as ProtocolError {
            try? await store.recordError(agentID: principal.agentID, message: error.message, now: clock())
            throw error
        }
    }

    /// The changes of one pull: up to `size` of the principal's scope after `cursor`, from
    /// the shared page holding it, its own left out (no echo). A page of nothing but its
    /// own changes is passed for the next one, so a run of them never answers a pull with
    /// an empty page (at most ``PullWindow/maxScanned`` entries are passed per pull).
    private func window(after cursor: UInt64, size: Int, for principal: Principal) async throws -> PullWindow {
        var window = PullWindow(nextCursor: cursor)
        var position = cursor
        var scanned = 0
        // Read once: what committed before this pull is at or below it.
        let bounds = try await store.logBounds()
        while true {
            let slice = try await pages.slice(
                after: position, territories: principal.seesEverything ? nil : principal.territories,
                pageSize: configuration.limits.maxPageChanges, current: bounds.head, rewrittenThrough: bounds.rewrittenThrough,
                store: store)
            window.head = slice.head
            window.shared = slice.batch.map { ($0, slice.pageBound) }
            // A full resync dropped what the agent held: it gets its own changes back too.
            for index in slice.entries.indices where principal.resyncRequired || slice.entries[index].site != principal.site {
                window.kept.append(slice.entries[index])
                window.sharedIndices.append(index)
                if window.kept.count == size {
                    window.nextCursor = slice.entries[index].sequenced.sequence
                    window.more = true
                    return window
                }
            }
            scanned += slice.entries.count
            window.nextCursor = slice.end
            window.more = slice.full
            // A page of its own changes only: on to the next (the page ends where a shared one does).
            guard window.kept.isEmpty, slice.full, scanned < PullWindow.maxScanned else { return window }
            position = slice.end
        }
    }

    /// The digest of the principal's scope, or of another agent's when an admin names one
    /// (an agent may name only itself: `PERMISSION_DENIED`; an unknown agent is `NOT_FOUND`).
    public func digest(for principal: Principal, agent: UUID? = nil) async throws -> RecordDigest {
        guard let agent, agent != principal.agentID else {
            return try await store.digest(territories: principal.seesEverything ? nil : principal.territories)
        }
        guard principal.seesEverything else {
            throw ProtocolError(.permissionDenied, "an agent may ask only for the digest of its own scope")
        }
        guard let named = try await store.agents().first(where: { $0.agent.id == agent })?.agent else {
            throw ProtocolError(.notFound, "no agent with id \(agent.lowercasedText)")
        }
        return try await store.digest(territories: named.role == .admin ? nil : named.territories)
    }

    /// Refuses admin requests from agents.
    public func requireAdmin(_ principal: Principal) throws {
        guard principal.role == .admin else {
            throw ProtocolError(.permissionDenied, "admin request refused: \(principal.name) is not an admin")
        }
    }
}
