import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import ServiceLifecycle
import TouchpointProtocol

/// The operations endpoint beside the sync port: `/metrics` (Prometheus text format
/// 0.0.4), `/healthz` (200 while the process runs) and `/readyz` (200 once the store
/// answers, 503 with a one-line reason otherwise). One request per connection.
///
/// ```swift
/// let endpoint = try await MetricsServer.bind(host: "127.0.0.1", port: 0, service: service)
/// print(endpoint.localAddress)    // the bound port, for tests binding port 0
/// try await endpoint.run()        // until cancelled or graceful shutdown
/// ```
public struct MetricsServer: Service {
    typealias Connection = NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>

    let listener: NIOAsyncChannel<Connection, Never>
    let service: SyncService
    let logger: Logger
    /// The address the endpoint listens on (with the real port when bound to port 0).
    public let localAddress: SocketAddress
    /// The bound port (the real one when bound to port 0).
    public var port: Int { localAddress.port ?? 0 }

    /// Binds the listening socket; call ``run()`` to serve. Scrapes read `service.metrics`
    /// and readiness asks `service.store`.
    public static func bind(
        host: String, port: Int, service: SyncService, logger: Logger = Logger(label: "touchpoint.metrics"),
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> MetricsServer {
        let listener = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    return try Connection(wrappingChannelSynchronously: channel)
                }
            }
        guard let address = listener.channel.localAddress else {
            throw ProtocolError(.internal, "metrics socket has no address")
        }
        return MetricsServer(listener: listener, service: service, logger: logger, localAddress: address)
    }

    /// Serves requests until the task is cancelled or a graceful shutdown is requested.
    public func run() async throws {
        try await withGracefulShutdownHandler {
            try await withThrowingDiscardingTaskGroup { group in
                try await listener.executeThenClose { inbound in
                    for try await connection in inbound {
                        group.addTask { await serve(connection) }
                    }
                }
            }
        } onGracefulShutdown: {
            listener.channel.close(promise: nil)
        }
    }

    /// Answers the connection's first request and closes it.
    private func serve(_ connection: Connection) async {
        do {
            try await connection.executeThenClose { inbound, outbound in
                for try await part in inbound {
                    guard case .head(let request) = part else { continue }
                    let reply = await answer(request)
                    var headers = HTTPHeaders()
                    headers.add(name: "Content-Type", value: reply.contentType)
                    headers.add(name: "Content-Length", value: "\(reply.body.utf8.count)")
                    headers.add(name: "Connection", value: "close")
                    try await outbound.write(.head(HTTPResponseHead(version: .http1_1, status: reply.status, headers: headers)))
                    try await outbound.write(.body(.byteBuffer(ByteBuffer(string: reply.body))))
                    try await outbound.write(.end(nil))
                    return
                }
            }
        } catch {
            logger.debug("metrics connection ended", metadata: ["error": "\(error)"])
        }
    }

    private struct Reply {
        var status: HTTPResponseStatus
        var body: String
        var contentType = "text/plain; charset=utf-8"
    }

    /// What one request is answered with.
    private func answer(_ request: HTTPRequestHead) async -> Reply {
        guard request.method == .GET else { return Reply(status: .methodNotAllowed, body: "only GET is served\n") }
        switch request.uri.split(separator: "?", maxSplits: 1).first ?? "" {
        case "/metrics":
            if let head = try? await service.store.head(), let agents = try? await service.store.agents() {
                service.metrics.syncState(head: head, agents: agents)
            }
            return Reply(status: .ok, body: service.metrics.exposition(), contentType: "text/plain; version=0.0.4; charset=utf-8")
        case "/healthz":
            return Reply(status: .ok, body: "ok\n")
        case "/readyz":
            do {
                _ = try await service.store.info()
                return Reply(status: .ok, body: "ready\n")
            } catch {
                let reason = "\(error)".split(whereSeparator: \.isNewline).joined(separator: " ")
                return Reply(status: .serviceUnavailable, body: "not ready: the store does not answer: \(reason)\n")
            }
        default:
            return Reply(status: .notFound, body: "no such endpoint; try /metrics, /healthz or /readyz\n")
        }
    }
}
