import Foundation
import TouchpointModel

/// The client side of one session, as a pure state machine: it builds the
/// envelopes to send (assigning request ids), matches every response to its
/// request, checks pages against what was asked, and says what to do next.
///
/// ```swift
/// var machine = ClientSessionStateMachine(configuration: config)
/// try await outbound.write(try machine.start())            // Hello
/// // on each inbound envelope:
/// switch machine.received(envelope) {
/// case .established(let session): encoder.compressionSwitch.enable() if session.compression == .zlib
/// case .pulled(let id, let page): apply page.changes + page.nextCursor in one transaction
/// case .pushAcked(let id, let ack): drop outbox entries ≤ ack.ackedSequence
/// case .requestFailed(let id, let error): error.isRetryable ? retry later : surface
/// case .send(let reply): write reply
/// case .sendAndClose(let reply, let error): write reply, close, report error
/// case .closed(let error): close; reconnect with backoff if error?.isRetryable
/// …
/// }
/// ```
///
/// States: `idle` → (start) `awaitingWelcome` → (Welcome) `ready` → `closed`.
public struct ClientSessionStateMachine: Sendable {
    /// Where the session is.
    public enum State: Hashable, Sendable {
        /// Not started; ``start()`` sends Hello.
        case idle
        /// Hello sent; only Welcome or Error may arrive.
        case awaitingWelcome(helloRequestID: UInt64)
        /// Requests may be sent.
        case ready(ClientSession)
        /// Closing or closed, with the error that closed it (nil after our own Goodbye).
        case closed(ProtocolError?)
    }

    /// What the client must do after an inbound envelope.
    public enum Action: Equatable, Sendable {
        /// Nothing.
        case none
        /// The handshake completed.
        case established(ClientSession)
        /// The push with this id was applied.
        case pushAcked(requestID: UInt64, PushAcknowledgement)
        /// The pull with this id returned a page.
        case pulled(requestID: UInt64, PulledPage)
        /// The admin request with this id was answered.
        case adminResponse(requestID: UInt64, Touchpoint_V1_AdminResponse)
        /// The ping with this id was answered.
        case pong(requestID: UInt64, nonce: UInt64)
        /// The request with this id failed; the session goes on.
        case requestFailed(requestID: UInt64, ProtocolError)
        /// Write this envelope (a Pong to a server Ping).
        case send(Envelope)
        /// The server broke the protocol: write this fatal Error, close, report the error.
        case sendAndClose(Envelope, ProtocolError)
        /// The server ended the session (fatal Error, or Goodbye as `UNAVAILABLE`): close.
        case closed(ProtocolError)
    }

    /// What Hello announces.
    public let configuration: ClientSessionConfiguration
    /// The current state.
    public private(set) var state: State = .idle
    /// Requests sent and not yet answered, by request id.
    public private(set) var outstanding: [UInt64: ClientRequestKind] = [:]
    private var lastRequestID: UInt64 = 0

    /// Creates a machine in `idle`.
    public init(configuration: ClientSessionConfiguration) {
        self.configuration = configuration
    }

    /// The session granted by Welcome, when ready.
    public var session: ClientSession? {
        if case .ready(let session) = state { session } else { nil }
    }

    // MARK: - Sending

    /// The Hello that opens the session.
    ///
    /// - Throws: `FAILED_PRECONDITION` unless idle.
    public mutating func start() throws(ProtocolError) -> Envelope {
        guard case .idle = state else {
            throw ProtocolError(.failedPrecondition, "the session was already started")
        }
        var hello = Touchpoint_V1_Hello()
        hello.minVersion = configuration.supportedVersions.lowerBound
        hello.maxVersion = configuration.supportedVersions.upperBound
        hello.siteID = configuration.siteID.wireBytes
        hello.agentID = configuration.agentID?.wireBytes ?? Data()
        hello.token = configuration.token
        hello.compression = configuration.compression.enabled ? [.zlib] : []
        hello.limits = configuration.limits.wire
        hello.clientName = configuration.clientName
        let requestID = nextRequestID()
        state = .awaitingWelcome(helloRequestID: requestID)
        return Envelope(requestID: requestID, body: .hello(hello))
    }

    /// A PushRequest for outbox changes (ascending outbox sequences).
    ///
    /// - Throws: `FAILED_PRECONDITION` unless ready; `RESOURCE_EXHAUSTED` over
    ///   the server's batch limit; `INVALID_ARGUMENT` for an empty batch or
    ///   changes the wire cannot carry.
    ///
    /// - Parameter previousSequence: the last sequence of the batch sent before this one
    ///   whose PushAck has not arrived yet (pipelining); nil when every earlier one was acknowledged.
    public mutating func push(_ changes: [SequencedChange], previousSequence: UInt64? = nil) throws(ProtocolError) -> Envelope {
        let session = try requireReady("push")
        guard let last = changes.last?.sequence else {
            throw ProtocolError(.invalidArgument, "a push needs at least one change")
        }
        guard changes.count <= session.serverLimits.maxBatchChanges else {
            throw ProtocolError(
                .resourceExhausted,
                "batch of \(changes.count) changes exceeds the server's limit of \(session.serverLimits.maxBatchChanges)"
            )
        }
        let requestID = nextRequestID()
        let envelope = try Envelope.pushRequest(requestID: requestID, changes: changes, previousSequence: previousSequence)
        outstanding[requestID] = .push(lastSequence: last)
        return envelope
    }

    /// A PullRequest for the changes after `afterSequence`.
    ///
    /// - Parameters:
    ///   - maxChanges: at most this many; 0 = the client's `limits.maxPageChanges`.
    ///   - outboxDepth: the changes waiting in the outbox, reported for admins' `status` (nil: not reported).
    ///   - appliedSequence: the cursor the client has applied, when this pull is sent ahead of it (pipelined).
    public mutating func pull(
        afterSequence: UInt64, maxChanges: Int = 0, outboxDepth: Int? = nil, appliedSequence: UInt64? = nil
    ) throws(ProtocolError) -> Envelope {
        _ = try requireReady("pull")
        let limit = maxChanges <= 0 ? configuration.limits.maxPageChanges : min(maxChanges, configuration.limits.maxPageChanges)
        let requestID = nextRequestID()
        outstanding[requestID] = .pull(afterSequence: afterSequence, maxChanges: limit)
        return .pullRequest(
            requestID: requestID, afterSequence: afterSequence, maxChanges: limit, outboxDepth: outboxDepth,
            appliedSequence: appliedSequence)
    }

    /// An AdminRequest.
    ///
    /// - Throws: `FAILED_PRECONDITION` unless ready; `PERMISSION_DENIED` without the admin role.
    public mutating func admin(_ command: Touchpoint_V1_AdminRequest.OneOf_Command) throws(ProtocolError) -> Envelope {
        let session = try requireReady("admin request")
        guard session.role == .admin || command.isAgentCommand else {
            throw ProtocolError(.permissionDenied, "admin requests need the admin role")
        }
        let requestID = nextRequestID()
        outstanding[requestID] = .admin
        return .adminRequest(requestID: requestID, command)
    }

    /// A Ping (keepalive or latency probe).
    public mutating func ping(nonce: UInt64) throws(ProtocolError) -> Envelope {
        _ = try requireReady("ping")
        let requestID = nextRequestID()
        outstanding[requestID] = .ping(nonce: nonce)
        return .ping(requestID: requestID, nonce: nonce)
    }

    /// Ends the session: the Goodbye to send, or nil when there is nobody to tell.
    public mutating func close(reason: String) -> Envelope? {
        let wasOpen: Bool
        switch state {
        case .awaitingWelcome, .ready: wasOpen = true
        case .idle, .closed: wasOpen = false
        }
        if case .closed = state {} else { state = .closed(nil) }
        outstanding = [:]
        return wasOpen ? .goodbye(reason) : nil
    }

    // MARK: - Receiving

    /// Handles one inbound envelope.
    public mutating func received(_ envelope: Envelope) -> Action {
        switch (state, envelope.body) {
        case (.closed, _), (.idle, _):
            return .none
        case (_, .goodbye(let goodbye)):
            return closed(ProtocolError(.unavailable, "server closed the session: \(goodbye.reason)"))
        case (.awaitingWelcome(let helloID), .welcome(let welcome)) where envelope.requestID == helloID:
            return receivedWelcome(welcome)
        case (.awaitingWelcome, .error(let error)):
            return closed(ProtocolError(wire: error))
        case (.awaitingWelcome, _):
            return violation("\(envelope.kindName) instead of Welcome")
        case (.ready, .error(let error)):
            let failure = ProtocolError(wire: error)
            if error.fatal || envelope.requestID == 0 { return closed(failure) }
            guard outstanding.removeValue(forKey: envelope.requestID) != nil else {
                return violation("Error for unknown request \(envelope.requestID)")
            }
            return .requestFailed(requestID: envelope.requestID, failure)
        case (.ready, .ping(let ping)):
            return .send(.pong(requestID: envelope.requestID, nonce: ping.nonce))
        case (.ready, _):
            return receivedResponse(envelope)
        }
    }

    /// A fatal failure outside the machine (a frame decoding error): send a fatal Error and close.
    public mutating func failed(_ error: ProtocolError) -> Action {
        if case .closed = state { return .none }
        state = .closed(error)
        outstanding = [:]
        return .sendAndClose(.error(error, fatal: true), error)
    }

    // MARK: - Private

    private mutating func receivedWelcome(_ welcome: Touchpoint_V1_Welcome) -> Action {
        guard configuration.supportedVersions.contains(welcome.version) else {
            return violation("Welcome chose version \(welcome.version), outside \(configuration.supportedVersions)")
        }
        guard let serverID = try? SiteID(wireBytes: welcome.serverID, field: "welcome.server_id") else {
            return violation("Welcome server_id is not 16 bytes")
        }
        guard let role = AgentRole(wire: welcome.role) else {
            return violation("Welcome has no known role")
        }
        switch welcome.compression {
        case .none: break
        case .zlib where configuration.compression.enabled: break
        default: return violation("Welcome chose a compression the client did not offer")
        }
        let agent: SessionAgent?
        let epoch: ServerEpoch?
        do {
            (agent, epoch) = try receivedIdentity(welcome, role: role)
        } catch {
            return violation(error.message)
        }
        let session = ClientSession(
            version: welcome.version,
            serverID: serverID,
            compression: welcome.compression,
            serverLimits: ProtocolLimits(wire: welcome.limits),
            role: role,
            sequenceHead: welcome.sequenceHead,
            serverTimeMs: welcome.serverTimeMs,
            keepaliveInterval: .milliseconds(Int64(welcome.keepaliveIntervalMs)),
            idleTimeout: .milliseconds(Int64(welcome.idleTimeoutMs)),
            agent: agent,
            serverEpoch: epoch,
            resyncRequired: welcome.resyncRequired
        )
        state = .ready(session)
        return .established(session)
    }

    /// The agent and the store epoch Welcome names (each nil when it names none).
    private func receivedIdentity(
        _ welcome: Touchpoint_V1_Welcome, role: AgentRole
    ) throws(ProtocolError) -> (SessionAgent?, ServerEpoch?) {
        let epoch = try welcome.serverEpoch.isEmpty
            ? nil : ServerEpoch(UUID(wireBytes: welcome.serverEpoch, field: "welcome.server_epoch"))
        guard !welcome.agentID.isEmpty else { return (nil, epoch) }
        let id = try UUID(wireBytes: welcome.agentID, field: "welcome.agent_id")
        if role == .agent, let asked = configuration.agentID, asked != id {
            throw ProtocolError(.failedPrecondition, "Welcome names agent \(id), not \(asked) from Hello")
        }
        return (SessionAgent(id: id, name: welcome.agentName, territories: welcome.territories), epoch)
    }

    private mutating func receivedResponse(_ envelope: Envelope) -> Action {
        let requestID = envelope.requestID
        guard let request = outstanding.removeValue(forKey: requestID) else {
            return violation("\(envelope.kindName) answers no outstanding request (request_id \(requestID))")
        }
        switch (request, envelope.body) {
        case (.push(let last), .pushAck(let ack)):
            guard ack.ackedSequence <= last else {
                return violation("PushAck acknowledges sequence \(ack.ackedSequence), beyond the batch's \(last)")
            }
            return .pushAcked(requestID: requestID, PushAcknowledgement(wire: ack))
        case (.pull(let after, let maxChanges), .pullPage(let page)):
            return receivedPage(page, requestID: requestID, after: after, maxChanges: maxChanges)
        case (.admin, .adminResponse(let response)):
            return .adminResponse(requestID: requestID, response)
        case (.ping(let nonce), .pong(let pong)) where pong.nonce == nonce:
            return .pong(requestID: requestID, nonce: nonce)
        default:
            return violation("\(envelope.kindName) does not answer the \(request) request \(requestID)")
        }
    }

    private mutating func receivedPage(_ page: Touchpoint_V1_PullPage, requestID: UInt64, after: UInt64, maxChanges: Int) -> Action {
        let changes: [SequencedChange]
        do {
            changes = try page.batch.decodedChanges(maxChanges: maxChanges)
        } catch {
            return failed(error)
        }
        if let first = changes.first, first.sequence <= after {
            return violation("PullPage starts at sequence \(first.sequence), not after the cursor \(after)")
        }
        guard page.nextCursor >= max(after, changes.last?.sequence ?? 0) else {
            return violation("PullPage next_cursor \(page.nextCursor) is behind its changes or the cursor \(after)")
        }
        let pulled = PulledPage(changes: changes, nextCursor: page.nextCursor, hasMore: page.more, sequenceHead: page.sequenceHead)
        return .pulled(requestID: requestID, pulled)
    }

    private func requireReady(_ what: String) throws(ProtocolError) -> ClientSession {
        guard case .ready(let session) = state else {
            throw ProtocolError(.failedPrecondition, "cannot send a \(what) before the session is established")
        }
        return session
    }

    private mutating func nextRequestID() -> UInt64 {
        lastRequestID += 1
        return lastRequestID
    }

    private mutating func closed(_ error: ProtocolError) -> Action {
        state = .closed(error)
        outstanding = [:]
        return .closed(error)
    }

    private mutating func violation(_ message: String) -> Action {
        failed(ProtocolError(.failedPrecondition, "server broke the protocol: \(message)"))
    }
}
