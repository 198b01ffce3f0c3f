import Logging
import PostgresNIO
import Synchronization

/// The store's pool of connections (postgres-nio's `PostgresClient`, run by a task
/// the pool owns), replaceable: after a database restart a pooled client can stop
/// answering (a request waits for a connection forever), so a request that misses
/// its deadline gets the pool replaced by a fresh one and the next request reconnects.
final class PostgresPool: Sendable {
    private struct Running: Sendable {
        let client: PostgresClient
        let task: Task<Void, Never>
        let generation: Int
    }

    private let configuration: PostgresConfiguration
    private let logger: Logger
    private let running: Mutex<Running?>

    /// Starts a pool on `configuration`; returns once it runs, so the first query does not find it not started.
    static func start(_ configuration: PostgresConfiguration, logger: Logger) async -> PostgresPool {
        let pool = PostgresPool(configuration: configuration, logger: logger)
        await pool.started(generation: 0)
        return pool
    }

    private init(configuration: PostgresConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        running = Mutex(nil)
    }

    /// The client to use now, and its generation (for ``replace(generation:)``).
    var current: (client: PostgresClient, generation: Int) {
        get throws {
            guard let running = running.withLock({ $0 }) else {
                throw PostgresStoreError(.unavailable, "the PostgreSQL store at \(configuration.endpoint) was shut down")
            }
            return (running.client, running.generation)
        }
    }

    /// Replaces the pool of `generation` (unless another request replaced it already) by a fresh one.
    func replace(generation: Int) async {
        let old = running.withLock { running -> Running? in
            guard let current = running, current.generation == generation else { return nil }
            running = nil
            return current
        }
        guard let old else { return }
        logger.warning("PostgreSQL did not answer in time; opening the pool again", metadata: ["database": "\(configuration.endpoint)"])
        old.task.cancel()
        await started(generation: generation + 1)
    }

    /// Closes the connections; requests fail as unavailable afterwards.
    func shutdown() async {
        guard let old = running.withLock({ running -> Running? in defer { running = nil }; return running }) else { return }
        old.task.cancel()
        await old.task.value
    }

    private func started(generation: Int) async {
        let client = PostgresClient(configuration: configuration.clientConfiguration(), backgroundLogger: logger)
        let (started, signal) = AsyncStream<Never>.makeStream()
        let task = Task {
            signal.finish()
            await client.run()
        }
        // Once the task runs (`run()` marks the client running first thing).
        for await _ in started {}
        running.withLock { $0 = Running(client: client, task: task, generation: generation) }
    }
}
