import Foundation
import NIOCore
import NIOPosix
import TouchpointModel
import TouchpointProtocol

/// A session with the sync server over TCP: Hello/Welcome, then requests, each
/// answered before the next is sent except pushes and pulls, which the sync
/// engine pipelines (``sendPush(_:previous:)``, ``sendPull(after:limit:outboxDepth:applied:)``).
///
/// ```swift
/// try await SyncConnection.withConnection(to: endpoint, configuration: config) { connection in
///     try await SyncEngine(store: store).sync(over: connection)
/// }
/// ```
public final class SyncConnection: SyncTransport {
    typealias Channel = NIOAsyncChannel<Envelope, Envelope>

    private var machine: ClientSessionStateMachine
    private var inbound: NIOAsyncChannelInboundStream<Envelope>.AsyncIterator
    private let outbound: NIOAsyncChannelOutboundWriter<Envelope>
    private let compression: CompressionSwitch
    private let channel: any NIOCore.Channel
    private let endpoint: Endpoint
    private let requestTimeout: Duration
    /// The negotiated session (version, server id, limits, role).
    public private(set) var session: ClientSession?

    private init(
        machine: ClientSessionStateMachine, channel: Channel, inbound: NIOAsyncChannelInboundStream<Envelope>.AsyncIterator,
        outbound: NIOAsyncChannelOutboundWriter<Envelope>, compression: CompressionSwitch, endpoint: Endpoint
    ) {
        self.machine = machine
        self.inbound = inbound
        self.outbound = outbound
        self.compression = compression
        self.channel = channel.channel
        self.endpoint = endpoint
        self.requestTimeout = machine.configuration.timeouts.request
    }

    /// Connects, runs the handshake, calls `body`, says Goodbye and closes.
    public static func withConnection<Result>(
        to endpoint: Endpoint, configuration: ClientSessionConfiguration,
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        _ body: (SyncConnection) async throws -> Result
    ) async throws -> Result {
        let limits = configuration.limits
        let settings = configuration.compression
        let tls = try configuration.tls.map(TLSClientContext.make)
        let (channel, compression): (Channel, CompressionSwitch)
        do {
            (channel, compression) = try await ClientBootstrap(group: group)
                .connectTimeout(TimeAmount(configuration.timeouts.connect))
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .connect(host: endpoint.host, port: endpoint.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        if let tls {
                            try channel.pipeline.syncOperations.addHandler(TLSClientContext.handler(tls, host: endpoint.host))
                        }
                        let encoder = FrameEncoder(compression: settings, maxFrameBytes: limits.maxFrameBytes)
                        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(FrameDecoder(limits: limits)))
                        try channel.pipeline.syncOperations.addHandler(MessageToByteHandler(encoder))
                        return (try Channel(wrappingChannelSynchronously: channel), encoder.compressionSwitch)
                    }
                }
        } catch ChannelError.connectTimeout {
            let timeout = configuration.timeouts.connect.secondsText
            throw ProtocolError(.deadlineExceeded, "the server at \(endpoint) did not accept the connection within \(timeout)")
        } catch {
            // One readable line; the local changes stay queued for the next try.
            throw ProtocolError(.unavailable, "cannot reach the server at \(endpoint) (\(Self.reason(error)))")
        }
        return try await channel.executeThenClose { inbound, outbound in
            let connection = SyncConnection(
                machine: ClientSessionStateMachine(configuration: configuration), channel: channel,
                inbound: inbound.makeAsyncIterator(), outbound: outbound, compression: compression, endpoint: endpoint)
            try await connection.handshake()
            let result = try await body(connection)
            if let goodbye = connection.machine.close(reason: "client done") { try? await outbound.write(goodbye) }
            return result
        }
    }

    private static func reason(_ error: any Error) -> String {
        let text = "\(error)"
        if text.contains("refused") { return "connection refused" }
        if text.contains("imeout") || text.contains("imed out") { return "timed out" }
        if text.contains("resolve") || text.contains("getaddrinfo") { return "unknown host" }
        return text
    }

    private func handshake() async throws {
        let hello = try machine.start()
        guard case .established(let session) = try await exchange(hello) else {
            throw ProtocolError(.internal, "handshake ended without a session")
        }
        self.session = session
        if session.compression == .zlib { compression.enable() }
    }

    /// Sends one request and waits for its answer, at most the request timeout.
    private func exchange(_ request: Envelope) async throws -> ClientSessionStateMachine.Action {
        try await timed { try await send(request) }
        return try await timed { try await receive() }
    }

    /// Runs `body` within the request timeout.
    private func timed<T>(_ body: () async throws -> T) async throws -> T {
        let deadline = RequestDeadline(
            channel: channel, after: requestTimeout,
            error: ProtocolError(.deadlineExceeded, "the server at \(endpoint) did not answer within \(requestTimeout.secondsText)"))
        defer { deadline.cancel() }
        do {
            return try await body()
        } catch where deadline.fired {
            throw deadline.error
        }
    }

    /// Writes one request.
    private func send(_ request: Envelope) async throws {
        do {
            try await outbound.write(request)
        } catch {
            if let failure = TLSClientContext.describe(error, endpoint: endpoint) { throw failure }
            // The server may have said why before closing (Goodbye after idling, an Error), or
            // the TLS handshake failed and the reason waits on the inbound side: report that.
            do {
                if let envelope = try await inbound.next(), case .closed(let reason) = machine.received(envelope) {
                    throw reason
                }
            } catch let reason as ProtocolError {
                throw reason
            } catch {
                if let failure = TLSClientContext.describe(error, endpoint: endpoint) { throw failure }
            }
            throw ProtocolError(.unavailable, "the server closed the connection")
        }
    }

    /// Waits for the next answer, answering pings meanwhile.
    private func receive() async throws -> ClientSessionStateMachine.Action {
        while true {
            let envelope: Envelope?
            do {
                envelope = try await inbound.next()
            } catch {
                let failure = TLSClientContext.describe(error, endpoint: endpoint) ?? (error as? ProtocolError)
                    ?? ProtocolError(.unavailable, "connection failed: \(error)", cause: error)
                if case .sendAndClose(let reply, _) = machine.failed(failure) { try? await outbound.write(reply) }
                throw failure
            }
            guard let envelope else {
                _ = machine.failed(ProtocolError(.unavailable, "server closed the connection"))
                throw ProtocolError(.unavailable, "server closed the connection")
            }
            switch machine.received(envelope) {
            case .none, .pong:
                continue
            case .send(let reply):
                try await outbound.write(reply)
            case .sendAndClose(let reply, let error):
                try? await outbound.write(reply)
                throw error
            case .closed(let error), .requestFailed(_, let error):
                throw error
            case let action:
                return action
            }
        }
    }

    public var limits: ProtocolLimits { session?.serverLimits ?? .defaults }

    public func push(_ entries: [SequencedChange]) async throws -> PushAcknowledgement {
        try await receivePush(try await sendPush(entries, previous: nil))
    }

    /// Sends the batch without waiting: the server applies it while the agent prepares the next.
    public func sendPush(_ entries: [SequencedChange], previous: UInt64?) async throws -> PendingPush {
        let request = try machine.push(entries, previousSequence: previous)
        try await timed { try await send(request) }
        return PendingPush(entries: [], requestID: request.requestID)
    }

    /// The acknowledgement of a batch sent with ``sendPush(_:previous:)``; answers come in order.
    public func receivePush(_ pending: PendingPush) async throws -> PushAcknowledgement {
        guard case .pushAcked(let requestID, let ack) = try await timed({ try await receive() }), requestID == pending.requestID else {
            throw ProtocolError(.internal, "push answered with something else than its PushAck")
        }
        return ack
    }

    public func pull(after cursor: UInt64, limit: Int) async throws -> PulledPage {
        try await pull(after: cursor, limit: limit, outboxDepth: nil)
    }

    public func pull(after cursor: UInt64, limit: Int, outboxDepth: Int?) async throws -> PulledPage {
        try await receivePull(try await sendPull(after: cursor, limit: limit, outboxDepth: outboxDepth, applied: nil))
    }

    /// Sends the pull without waiting: the server makes this page while the agent applies the one before.
    public func sendPull(after cursor: UInt64, limit: Int, outboxDepth: Int?, applied: UInt64?) async throws -> PendingPull {
        let request = try machine.pull(afterSequence: cursor, maxChanges: limit, outboxDepth: outboxDepth, appliedSequence: applied)
        try await timed { try await send(request) }
        return PendingPull(after: cursor, limit: limit, outboxDepth: outboxDepth, requestID: request.requestID)
    }

    /// The page answering a pull sent with ``sendPull(after:limit:outboxDepth:applied:)``; pulls are answered in order.
    public func receivePull(_ pending: PendingPull) async throws -> PulledPage {
        guard case .pulled(let requestID, let page) = try await timed({ try await receive() }), requestID == pending.requestID else {
            throw ProtocolError(.internal, "pull answered with something else than its PullPage")
        }
        return page
    }

    /// Runs one admin command (digest is allowed for agents, scoped to them).
    public func admin(_ command: Touchpoint_V1_AdminRequest.OneOf_Command) async throws -> Touchpoint_V1_AdminResponse.OneOf_Result {
        guard case .adminResponse(_, let response) = try await exchange(try machine.admin(command)), let result = response.result
        else {
            throw ProtocolError(.internal, "admin request answered with something else than AdminResponse")
        }
        return result
    }

    public func digest() async throws -> RecordDigest {
        guard case .digest(let response) = try await admin(.digest(Touchpoint_V1_DigestRequest())) else {
            throw ProtocolError(.internal, "digest answered with another admin response")
        }
        return try response.recordDigest()
    }
}
