import Foundation
import NIOCore
import NIOPosix
import Synchronization
import TouchpointClient
import TouchpointProtocol
import TouchpointStore

/// A TCP listener on 127.0.0.1:0 that accepts connections and never answers.
struct SilentServer {
    let listener: any Channel
    let accepted: Counter
    var endpoint: Endpoint { Endpoint(host: "127.0.0.1", port: listener.localAddress?.port ?? 0) }

    /// Counts accepted connections.
    final class Counter: Sendable {
        private let value = Mutex(0)
        func increment() { value.withLock { $0 += 1 } }
        var count: Int { value.withLock { $0 } }
    }

    static func start() async throws -> SilentServer {
        let accepted = Counter()
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in
                accepted.increment()
                return channel.eventLoop.makeSucceededVoidFuture()
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return SilentServer(listener: listener, accepted: accepted)
    }

    func stop() async { try? await listener.close() }

    /// An agent database initialized for this server.
    func laptop() throws -> AgentStore {
        let store = try AgentStore.inMemory()
        try store.initialize(agentID: UUID(), territories: ["north"])
        try store.setMeta(.server, endpoint.description)
        try store.setMeta(.token, "tp_silent")
        return store
    }
}
