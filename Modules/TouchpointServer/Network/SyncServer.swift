import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import ServiceLifecycle
import TouchpointModel
import TouchpointProtocol

/// The sync server: accepts TCP connections and runs one session per connection.
///
/// ```swift
/// let server = try await SyncServer.bind(host: "127.0.0.1", port: 0, service: service)
/// print(server.localAddress)       // the bound port, for tests binding port 0
/// try await server.run()           // until cancelled or graceful shutdown
/// ```
public struct SyncServer: Service {
    /// Network settings with documented defaults.
    public struct Configuration: Sendable {
        /// zlib offered to clients; payloads of 1 KiB or more are compressed once negotiated.
        public var compression = CompressionConfiguration.defaults
        /// A connection that sends no Hello within this is closed. Default 10 s.
        public var handshakeTimeout: Duration = .seconds(10)
        /// A session idle for this long is closed. Default 90 s.
        public var idleTimeout: Duration = .seconds(90)
        /// Most connections open at once; more are refused at once with `RESOURCE_EXHAUSTED`.
        /// Default 4096, and never more than the open-file limit leaves room for.
        public var maxConnections = 4096
        /// Most connections open at once from one IP address. Default 512.
        public var maxConnectionsPerPeer = 512
        /// On graceful shutdown, sessions still open after this are closed. Default 10 s.
        public var drainTimeout: Duration = .seconds(10)
        /// TLS on every connection; nil for plain TCP (loopback and development).
        public var tls: ServerTLS?

        /// The defaults.
        public static var defaults: Configuration { Configuration() }
    }

    typealias Connection = NIOAsyncChannel<Envelope, Envelope>

    struct Accepted: Sendable {
        let channel: Connection
        let compression: CompressionSwitch
        let frames: SessionFrameLimits
        /// Holds back what arrives after Hello until the session is welcomed.
        let gate: NIOLoopBound<HandshakeGate>
    }

    /// A connection over the caps is answered and closed in the pipeline: nil.
    let listener: NIOAsyncChannel<Accepted?, Never>
    let handler: SessionHandler
    let logger: Logger
    let drainTimeout: Duration
    /// The address the server listens on (with the real port when bound to port 0).
    public let localAddress: SocketAddress
    /// The bound port (the real one when bound to port 0).
    public var port: Int { localAddress.port ?? 0 }

    /// Binds the listening socket; call ``run()`` to serve.
    public static func bind(
        host: String, port: Int, service: SyncService, configuration: Configuration = .defaults,
        logger: Logger = Logger(label: "touchpoint.server"), group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> SyncServer {
        let info = try await service.store.info()
        // The limits the service enforces are the ones Welcome announces and the session enforces.
        let limits = service.configuration.limits
        let session = ServerSessionConfiguration(
            serverID: info.serverID, limits: limits, compression: configuration.compression,
            handshakeTimeout: configuration.handshakeTimeout, idleTimeout: configuration.idleTimeout)
        let compression = configuration.compression
        let metrics = service.metrics
        let limiter = ConnectionLimiter(configuration, metrics: metrics, logger: logger)
        let tls = try configuration.tls?.makeContext()
        let listener = try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .bind(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture { () -> Accepted? in
                    try channel.pipeline.syncOperations.addHandler(ByteCountingHandler(metrics: metrics))
                    if let tls { try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls)) }
                    if let refusal = limiter.admit(channel) {
                        try channel.pipeline.syncOperations.addHandler(RefusedConnectionHandler(reason: refusal))
                        return nil
                    }
                    let frames = SessionFrameLimits(server: limits)
                    var encoder = FrameEncoder(compression: compression, limit: frames.send)
                    encoder.observer = metrics.payloadSent
                    var decoder = FrameDecoder(limit: frames.receive)
                    decoder.observer = metrics.payloadReceived
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(decoder))
                    try channel.pipeline.syncOperations.addHandler(MessageToByteHandler(encoder))
                    try channel.pipeline.syncOperations.addHandler(AnswerSizeGuard(limit: frames.send))
                    let gate = HandshakeGate()
                    try channel.pipeline.syncOperations.addHandler(gate)
                    let connection = try Connection(wrappingChannelSynchronously: channel)
                    return Accepted(
                        channel: connection, compression: encoder.compressionSwitch, frames: frames,
                        gate: NIOLoopBound(gate, eventLoop: channel.eventLoop))
                }
            }
        guard let address = listener.channel.localAddress else {
            throw ProtocolError(.internal, "listening socket has no address")
        }
        let handler = SessionHandler(service: service, configuration: session, logger: logger)
        return SyncServer(
            listener: listener, handler: handler, logger: logger, drainTimeout: configuration.drainTimeout, localAddress: address)
    }

    /// Serves connections until the task is cancelled or a graceful shutdown is requested;
    /// then stops accepting, lets each session finish its current request and says Goodbye
    /// (before Welcome: a fatal `UNAVAILABLE`), and closes what is still open after the drain time.
    public func run() async throws {
        logger.info("serving", metadata: ["address": "\(localAddress)"])
        let shutdown = ShutdownSignal()
        try await withGracefulShutdownHandler {
            try await withThrowingDiscardingTaskGroup { group in
                try await listener.executeThenClose { inbound in
                    for try await accepted in inbound {
                        guard let accepted else { continue }
                        group.addTask { await handler.serve(accepted, shutdown: shutdown) }
                    }
                }
            }
        } onGracefulShutdown: {
            shutdown.trigger()
            listener.channel.close(promise: nil)
            listener.channel.eventLoop.scheduleTask(in: TimeAmount(drainTimeout)) { shutdown.closeAll() }
        }
        logger.info("stopped")
    }
}
