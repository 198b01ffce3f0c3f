import Foundation
import TouchpointModel

/// The server side of one session, as a pure state machine: the connection
/// handler feeds it every inbound envelope and event and performs the action
/// it returns. It never touches a socket, a store or a clock.
///
/// ```swift
/// var machine = ServerSessionStateMachine(configuration: config)
/// for try await envelope in inbound {
///     switch machine.received(envelope) {
///     case .authenticate(let handshake):
///         let role = try await auth.check(handshake.agentID, handshake.token)
///         perform(machine.authenticated(role: role, sequenceHead: head, serverTimeMs: now))
///     case .push(let id, let changes, _): …  // apply, then write Envelope.pushAck(requestID: id, acknowledgement)
///     …
///     }
/// }
/// ```
///
/// States: `awaitingHello` → (Hello, version negotiated) `authenticating` →
/// (token accepted) `ready` → (Goodbye, fatal error, timeout) `closed`.
public struct ServerSessionStateMachine: Sendable {
    /// Where the session is.
    public enum State: Hashable, Sendable {
        /// Connected; only Hello is allowed.
        case awaitingHello
        /// Hello accepted; the handler is checking the token. Nothing may arrive.
        case authenticating(ServerHandshake)
        /// Welcome sent; requests flow.
        case ready(ServerSession)
        /// The connection is closing or closed; everything is ignored.
        case closed
    }

    /// What the connection handler must do next.
    public enum Action: Equatable, Sendable {
        /// Nothing.
        case none
        /// Write this envelope.
        case send(Envelope)
        /// Write this envelope (a fatal Error or a Goodbye), flush, then close.
        case sendAndClose(Envelope)
        /// Close without writing (the peer said Goodbye or sent a fatal Error).
        case close
        /// Check the token, then call ``authenticated(role:sequenceHead:serverTimeMs:agent:serverEpoch:)``
        /// or ``authenticationFailed(_:)``.
        case authenticate(ServerHandshake)
        /// Apply the batch in one transaction, then write a `PushAck` with `requestID`,
        /// listing the changes `refused` while decoding among the rejected ones; refuse it
        /// unless everything up to `previousSequence` (a pipelined push) was acknowledged.
        case push(requestID: UInt64, changes: [SequencedChange], refused: [RefusedChange] = [], previousSequence: UInt64? = nil)
        /// Read up to `limit` in-scope changes after `afterSequence`; write a `PullPage`. Keep
        /// `outboxDepth`, the client's outbox depth, for admins when it reported one, and
        /// `appliedSequence` as its cursor when the pull was sent ahead of it (else `afterSequence`).
        case pull(requestID: UInt64, afterSequence: UInt64, limit: Int, outboxDepth: UInt64? = nil, appliedSequence: UInt64? = nil)
        /// Run the admin command (the role was checked); write an `AdminResponse`.
        case admin(requestID: UInt64, command: Touchpoint_V1_AdminRequest.OneOf_Command)
    }

    /// The configuration announced in Welcome.
    public let configuration: ServerSessionConfiguration
    /// The current state.
    public private(set) var state: State = .awaitingHello

    /// Creates a machine in `awaitingHello`.
    public init(configuration: ServerSessionConfiguration) {
        self.configuration = configuration
    }

    /// The authenticated session, when ready.
    public var session: ServerSession? {
        if case .ready(let session) = state { session } else { nil }
    }

    /// Handles one inbound envelope.
    public mutating func received(_ envelope: Envelope) -> Action {
        switch (state, envelope.body) {
        case (.closed, _):
            return .none
        case (_, .goodbye), (_, .error):
            // The peer is going away (a client Error is always fatal).
            state = .closed
            return .close
        case (.awaitingHello, .hello(let hello)):
            return receivedHello(hello, requestID: envelope.requestID)
        case (.ready(let session), _):
            return receivedRequest(envelope, session: session)
        case (.awaitingHello, _):
            return fail(ProtocolError(.failedPrecondition, "\(envelope.kindName) before Hello: a session starts with Hello"))
        case (.authenticating, _):
            return fail(ProtocolError(.failedPrecondition, "\(envelope.kindName) before Welcome: wait for Welcome or Error after Hello"))
        }
    }

    /// The handler accepted the token: send Welcome and become ready.
    ///
    /// - Parameters:
    ///   - agent: who the token belongs to (Welcome tells the client its id, name and territories).
    ///   - serverEpoch: the store's epoch; a client that synced under another one re-pushes and re-pulls.
    ///   - resyncRequired: the agent was marked stale; it pushes its outbox, drops what it holds and pulls from 0.
    public mutating func authenticated(
        role: AgentRole, sequenceHead: UInt64, serverTimeMs: UInt64, agent: SessionAgent? = nil, serverEpoch: ServerEpoch? = nil,
        resyncRequired: Bool = false
    ) -> Action {
        guard case .authenticating(let handshake) = state else {
            return fail(ProtocolError(.internal, "authenticated while not authenticating"))
        }
        var welcome = Touchpoint_V1_Welcome()
        welcome.version = handshake.version
        welcome.serverID = configuration.serverID.wireBytes
        welcome.compression = handshake.compression
        welcome.limits = configuration.limits.wire
        welcome.role = role.wire
        welcome.sequenceHead = sequenceHead
        welcome.serverTimeMs = serverTimeMs
        welcome.keepaliveIntervalMs = configuration.keepaliveInterval.wireMilliseconds
        welcome.idleTimeoutMs = configuration.idleTimeout.wireMilliseconds
        welcome.serverMinVersion = configuration.supportedVersions.lowerBound
        welcome.serverMaxVersion = configuration.supportedVersions.upperBound
        if let agent {
            welcome.agentID = agent.id.wireBytes
            welcome.agentName = agent.name
            welcome.territories = agent.territories
        }
        if let serverEpoch { welcome.serverEpoch = serverEpoch.wireBytes }
        welcome.resyncRequired = resyncRequired
        state = .ready(ServerSession(handshake: handshake, role: role))
        return .send(Envelope(requestID: handshake.requestID, body: .welcome(welcome)))
    }

    /// The handler refused the token (normally `UNAUTHENTICATED`): send a fatal Error and close.
    public mutating func authenticationFailed(_ error: ProtocolError) -> Action {
        guard case .authenticating(let handshake) = state else { return fail(error) }
        return fail(error, requestID: handshake.requestID)
    }

    /// A fatal failure outside the machine (a frame decoding error, a handler
    /// bug): send a fatal Error and close.
    public mutating func failed(_ error: ProtocolError) -> Action {
        fail(error)
    }

    /// No Hello within ``ServerSessionConfiguration/handshakeTimeout``.
    public mutating func handshakeTimedOut() -> Action {
        switch state {
        case .awaitingHello, .authenticating:
            return fail(ProtocolError(.deadlineExceeded, "no Hello within \(configuration.handshakeTimeout)"))
        case .ready, .closed:
            return .none
        }
    }

    /// Nothing arrived within ``ServerSessionConfiguration/idleTimeout``: say Goodbye and close.
    public mutating func idleTimedOut() -> Action {
        shutDown(reason: "idle for \(configuration.idleTimeout)")
    }

    /// A server-initiated Ping (request id 0) to probe a quiet client; only in `ready`.
    public func keepalivePing(nonce: UInt64) -> Action {
        guard case .ready = state else { return .none }
        return .send(.ping(requestID: 0, nonce: nonce))
    }

    /// The server is shutting down: say Goodbye (or, before Welcome, send a
    /// retryable `UNAVAILABLE` Error) and close.
    public mutating func shutDown(reason: String) -> Action {
        switch state {
        case .closed:
            return .none
        case .awaitingHello, .authenticating:
            return fail(ProtocolError(.unavailable, "server is shutting down: \(reason)"))
        case .ready:
            state = .closed
            return .sendAndClose(.goodbye(reason))
        }
    }

    // MARK: - Private

    private mutating func receivedHello(_ hello: Touchpoint_V1_Hello, requestID: UInt64) -> Action {
        let server = configuration.supportedVersions
        guard hello.minVersion >= 1, hello.minVersion <= hello.maxVersion else {
            return fail(
                ProtocolError(.invalidArgument, "Hello has an invalid version range \(hello.minVersion)…\(hello.maxVersion)"),
                requestID: requestID
            )
        }
        let version = min(hello.maxVersion, server.upperBound)
        guard version >= max(hello.minVersion, server.lowerBound) else {
            let error = ProtocolError(
                .failedPrecondition,
                "no common protocol version: client speaks \(hello.minVersion)…\(hello.maxVersion), server \(server.lowerBound)…\(server.upperBound)",
                details: ["server_min_version": String(server.lowerBound), "server_max_version": String(server.upperBound)]
            )
            return fail(error, requestID: requestID)
        }
        let siteID: SiteID
        let agentID: UUID?
        do {
            siteID = try SiteID(wireBytes: hello.siteID, field: "hello.site_id")
            // Empty: whoever the token belongs to (enrolment by token alone).
            agentID = hello.agentID.isEmpty ? nil : try UUID(wireBytes: hello.agentID, field: "hello.agent_id")
        } catch {
            return fail(error, requestID: requestID)
        }
        guard !hello.token.isEmpty else {
            return fail(ProtocolError(.unauthenticated, "Hello has no token"), requestID: requestID)
        }
        let zlib = configuration.compression.enabled && hello.compression.contains(.zlib)
        let handshake = ServerHandshake(
            requestID: requestID,
            version: version,
            siteID: siteID,
            agentID: agentID,
            token: hello.token,
            compression: zlib ? .zlib : .none,
            clientLimits: ProtocolLimits(wire: hello.limits),
            clientName: hello.clientName
        )
        state = .authenticating(handshake)
        return .authenticate(handshake)
    }

    private mutating func receivedRequest(_ envelope: Envelope, session: ServerSession) -> Action {
        let requestID = envelope.requestID
        let limits = configuration.limits
        switch envelope.body {
        case .hello:
            return fail(ProtocolError(.failedPrecondition, "Hello sent twice"), requestID: requestID)
        case .ping(let ping):
            return .send(.pong(requestID: requestID, nonce: ping.nonce))
        case .pong:
            return .none
        case .welcome, .pushAck, .pullPage, .adminResponse:
            return fail(ProtocolError(.failedPrecondition, "\(envelope.kindName) is a server message"), requestID: requestID)
        case .pushRequest(let push):
            if let missing = requireRequestID(envelope) { return missing }
            do {
                let (changes, refused) = try push.batch.decodedPush(maxChanges: limits.maxBatchChanges)
                var previous: UInt64?
                if push.hasPreviousSequence {
                    previous = try WireInteger.sequence(push.previousSequence, field: "push.previous_sequence")
                }
                return .push(requestID: requestID, changes: changes, refused: refused, previousSequence: previous)
            } catch {
                return .send(.error(error, requestID: requestID, fatal: false))
            }
        case .pullRequest(let pull):
            if let missing = requireRequestID(envelope) { return missing }
            let limit = session.pageSize(asked: pull.maxChanges, server: limits)
            do throws(ProtocolError) {
                let after = try WireInteger.sequence(pull.afterSequence, field: "pull.after_sequence")
                let depth = pull.hasOutboxDepth ? UInt64(try WireInteger.int64(pull.outboxDepth, field: "pull.outbox_depth")) : nil
                var applied: UInt64?
                if pull.hasAppliedSequence {
                    applied = try WireInteger.sequence(pull.appliedSequence, field: "pull.applied_sequence")
                }
                if let applied, applied > after {
                    throw ProtocolError(
                        .invalidArgument, "pull.applied_sequence \(applied) is ahead of after_sequence \(after)",
                        details: ["field": "pull.applied_sequence"])
                }
                return .pull(requestID: requestID, afterSequence: after, limit: limit, outboxDepth: depth, appliedSequence: applied)
            } catch {
                return .send(.error(error, requestID: requestID, fatal: false))
            }
        case .adminRequest(let admin):
            if let missing = requireRequestID(envelope) { return missing }
            guard let command = admin.command else {
                let error = ProtocolError(.unimplemented, "admin command unknown to this server")
                return .send(.error(error, requestID: requestID, fatal: false))
            }
            // Agents may ask for the digest of their own scope (to verify convergence); nothing else.
            guard session.role == .admin || command.isAgentCommand else {
                let error = ProtocolError(.permissionDenied, "admin requests need the admin role")
                return .send(.error(error, requestID: requestID, fatal: false))
            }
            return .admin(requestID: requestID, command: command)
        case nil, .goodbye, .error:
            // Empty envelopes never pass Frame.parseEnvelope; goodbye and error are handled by received(_:).
            return fail(ProtocolError(.invalidArgument, "Envelope has no body"), requestID: requestID)
        }
    }

    /// A fatal error when a request carries request_id 0 (its answer could not be matched).
    private mutating func requireRequestID(_ envelope: Envelope) -> Action? {
        guard envelope.requestID == 0 else { return nil }
        return fail(ProtocolError(.invalidArgument, "\(envelope.kindName) has request_id 0"))
    }

    private mutating func fail(_ error: ProtocolError, requestID: UInt64 = 0) -> Action {
        if case .closed = state { return .none }
        state = .closed
        return .sendAndClose(.error(error, requestID: requestID, fatal: true))
    }
}

extension Touchpoint_V1_AdminRequest.OneOf_Command {
    /// Commands an agent session may send: only `digest`, scoped by the server to the agent.
    public var isAgentCommand: Bool {
        if case .digest = self { true } else { false }
    }
}
