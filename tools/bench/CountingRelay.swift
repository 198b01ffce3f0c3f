import NIOCore
import NIOPosix
import TouchpointProtocol

/// A TCP relay on loopback in front of the server that counts the bytes each way: the wire figure is the real
/// TCP payload a client sends (frames, headers, compression, handshake), not an estimate from encoded messages.
///
/// ```swift
/// let relay = try await CountingRelay.start(to: endpoint)
/// defer { relay.stop() }
/// try await SyncConnection.withConnection(to: relay.endpoint, configuration: config) { … }
/// print(relay.counter.bytesToServer)
/// ```
struct CountingRelay: Sendable {
    typealias Stream = NIOAsyncChannel<ByteBuffer, ByteBuffer>

    let endpoint: Endpoint
    let counter: WireCounter
    private let accepting: Task<Void, Never>

    static func start(to target: Endpoint) async throws -> CountingRelay {
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture { try Stream(wrappingChannelSynchronously: channel) }
            }
        guard let port = listener.channel.localAddress?.port else { throw BenchError("the relay has no port") }
        let counter = WireCounter()
        let accepting = Task {
            _ = try? await listener.executeThenClose { clients in
                try await withThrowingDiscardingTaskGroup { group in
                    for try await client in clients {
                        group.addTask { try? await relay(client, to: target, counting: counter) }
                    }
                }
            }
        }
        return CountingRelay(endpoint: Endpoint(host: "127.0.0.1", port: port), counter: counter, accepting: accepting)
    }

    func stop() { accepting.cancel() }

    /// Copies bytes both ways until either side closes.
    private static func relay(_ client: Stream, to target: Endpoint, counting counter: WireCounter) async throws {
        let server = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .connect(host: target.host, port: target.port) { channel in
                channel.eventLoop.makeCompletedFuture { try Stream(wrappingChannelSynchronously: channel) }
            }
        try await client.executeThenClose { fromClient, toClient in
            try await server.executeThenClose { fromServer, toServer in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for try await bytes in fromClient {
                            counter.add(toServer: bytes.readableBytes)
                            try await toServer.write(bytes)
                        }
                    }
                    group.addTask {
                        for try await bytes in fromServer {
                            counter.add(toClient: bytes.readableBytes)
                            try await toClient.write(bytes)
                        }
                    }
                    _ = try await group.next()
                    group.cancelAll()
                }
            }
        }
    }
}
