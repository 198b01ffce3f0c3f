import Foundation
import Logging
import TouchpointModel
import TouchpointProtocol
import TouchpointStore

/// Syncs an agent database with the server it was initialized for: what
/// `touchpoint-agent sync` and `touchpoint-agent run` call.
public struct AgentSync: Sendable {
    public let store: AgentStore
    /// How long to wait for the server to accept the connection and answer each request.
    public var timeouts: ClientTimeouts

    /// Creates a syncer over an agent database.
    public init(store: AgentStore, timeouts: ClientTimeouts = .defaults) {
        self.store = store
        self.timeouts = timeouts
    }

    /// The server address and session settings stored by `init --server --token`.
    public func connectionSettings() throws -> (Endpoint, ClientSessionConfiguration) {
        guard let server = try store.meta(.server), let token = try store.meta(.token) else {
            throw ProtocolError(
                .failedPrecondition, "no server configured: run `touchpoint-agent init --server HOST:PORT --token TOKEN`")
        }
        let identity = try store.identity()
        var configuration = ClientSessionConfiguration(
            siteID: identity.site, agentID: identity.agentID, token: token, clientName: "touchpoint-agent",
            timeouts: timeouts)
        configuration.tls = try Self.loadTLS(from: store)
        return (try Endpoint(parsing: server), configuration)
    }

    /// Stores how to reach the server over TLS (nil: plain TCP) with the server address.
    public static func saveTLS(_ tls: ClientTLS?, in store: AgentStore) throws {
        try store.setMeta(.tls, tls.map { $0.caFile ?? "system" })
        try store.setMeta(.tlsClientCertificate, tls?.certificateFile)
        try store.setMeta(.tlsClientKey, tls?.privateKeyFile)
    }

    /// The stored TLS settings (`tls` is `system` or a CA file path; absent: plain TCP).
    static func loadTLS(from store: AgentStore) throws -> ClientTLS? {
        guard let trust = try store.meta(.tls) else { return nil }
        return ClientTLS(
            caFile: trust == "system" ? nil : trust, certificateFile: try store.meta(.tlsClientCertificate),
            privateKeyFile: try store.meta(.tlsClientKey))
    }

    /// Enrols this database with its token alone: connects, learns from Welcome
    /// which agent the token belongs to (id, name, territories) and stores it with
    /// the server and token. On any failure nothing but the site id is stored, so
    /// nothing can be recorded under an invented id.
    @discardableResult
    public func enrol(server: String, token: String, tls: ClientTLS? = nil) async throws -> AgentIdentity {
        let endpoint = try Endpoint(parsing: server)
        var configuration = ClientSessionConfiguration(
            siteID: try store.siteID(), agentID: nil, token: token, clientName: "touchpoint-agent")
        configuration.tls = tls
        let session = try await SyncConnection.withConnection(to: endpoint, configuration: configuration) { $0.session }
        guard let session, let agent = session.agent else {
            throw ProtocolError(.failedPrecondition, "the server at \(endpoint) does not say whom the token belongs to: upgrade it")
        }
        guard session.role == .agent else {
            throw ProtocolError(.permissionDenied, "the token belongs to admin \(agent.name): enrol a laptop with an agent's token")
        }
        let identity = try store.enrol(agentID: agent.id, name: agent.name, territories: agent.territories, server: server, token: token)
        try Self.saveTLS(tls, in: store)
        return identity
    }

    /// One sync: push the outbox, pull until caught up. Failures are recorded in `status`.
    public func syncOnce(progress: (SyncProgress) -> Void = { _ in }) async throws -> SyncSummary {
        do {
            let (endpoint, configuration) = try connectionSettings()
            return try await SyncConnection.withConnection(to: endpoint, configuration: configuration) { connection in
                try await SyncEngine(store: store).sync(over: connection, progress: progress)
            }
        } catch {
            try? store.setMeta(.lastError, String(describing: error))
            throw error
        }
    }

    /// Compares this database's digest with the server's digest of the same scope.
    public func verify() async throws -> VerifyResult {
        let (endpoint, configuration) = try connectionSettings()
        let server = try await SyncConnection.withConnection(to: endpoint, configuration: configuration) { connection in
            try await connection.digest()
        }
        let local = try store.digest()
        return VerifyResult(local: local, server: server)
    }

    /// Syncs forever: every `interval`, and soon after a local write; while the
    /// server is unreachable, retries with exponential backoff and jitter (never
    /// gives up). Logs one line per state change. Returns when the task is cancelled.
    public func run(interval: Duration = .seconds(60), maxBackoff: Duration = .seconds(300), logger: Logger) async {
        var failures = 0
        var lastState = ""
        var lastDepth = (try? store.outboxDepth()) ?? 0
        while !Task.isCancelled {
            let state: String
            do {
                let summary = try await syncOnce()
                failures = 0
                state = "in sync"
                if let restored = summary.serverRestored { logger.warning("\(restored): re-pushed and re-pulled") }
                if let resync = summary.fullResync { logger.warning("full resync: \(resync)") }
                if summary.pushed + summary.pulled + summary.rejected > 0 {
                    logger.info(
                        "synced",
                        metadata: [
                            "pushed": "\(summary.pushed)", "pulled": "\(summary.pulled)", "conflicts": "\(summary.conflicts)",
                            "rejected": "\(summary.rejected)",
                        ])
                }
            } catch {
                failures += 1
                state = "failing: \(error)"
            }
            if state != lastState {
                if failures == 0 { logger.info("\(state)") } else { logger.warning("\(state)") }
                lastState = state
            }
            let wait = failures == 0 ? interval : Self.backoff(failures: failures, max: maxBackoff)
            // Wake early when a local write lands (polled once a second; cheap COUNT on the outbox).
            let deadline = ContinuousClock.now + wait
            lastDepth = (try? store.outboxDepth()) ?? lastDepth
            while ContinuousClock.now < deadline, !Task.isCancelled {
                try? await Task.sleep(for: .seconds(1))
                let depth = (try? store.outboxDepth()) ?? lastDepth
                if failures == 0, depth > lastDepth { break }
            }
        }
    }

    /// Exponential backoff with full jitter: uniform in [base/2, base], base = 1 s · 2^(failures−1), capped.
    public static func backoff(failures: Int, max cap: Duration) -> Duration {
        let base = min(Double(1 << min(failures - 1, 20)), Double(cap.components.seconds))
        return .milliseconds(Int64(Double.random(in: base / 2...base) * 1000))
    }
}
