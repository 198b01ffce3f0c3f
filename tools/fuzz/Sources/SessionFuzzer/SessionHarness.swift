import Dispatch
import Foundation
import GRDB
import Logging
import TouchpointModel
import TouchpointProtocol
import TouchpointServer

/// Runs each fuzz input as one session against the seeded store (``FuzzWorld``),
/// restored from its template before every input, so inputs neither see nor
/// grow each other's data.
final class SessionHarness: Sendable {
    /// The seeded, migrated store every input starts from.
    let template: DatabaseQueue
    /// The database inputs run against, overwritten from `template` before each.
    let work: DatabaseQueue
    let service: SyncService
    let world: FuzzWorld
    let configuration = ServerSessionConfiguration(serverID: SiteID(UUID(uuidString: "0b5e9c3d-71a4-4f28-9d6e-c8a1f3b2e704")!))
    let agentHello: Envelope
    let adminHello: Envelope
    let logger: Logger

    init() throws {
        var logger = Logger(label: "fuzz.session")
        logger.logLevel = .critical
        self.logger = logger
        template = try DatabaseQueue()
        let seeding = SyncService(store: try SQLiteServerStore(writer: template), logger: logger, clock: { FuzzWorld.now })
        world = try Self.blocking { try await FuzzWorld.seed(seeding) }
        work = try DatabaseQueue()
        try template.backup(to: work)
        self.service = SyncService(store: try SQLiteServerStore(writer: work), logger: logger, clock: { FuzzWorld.now })
        agentHello = try Self.hello(token: FuzzWorld.agentAlias, agentID: FuzzWorld.agentID)
        adminHello = try Self.hello(token: FuzzWorld.adminAlias, agentID: nil)
    }

    /// A client's Hello for the fuzzed site.
    static func hello(token: String, agentID: UUID?) throws -> Envelope {
        var client = ClientSessionStateMachine(
            configuration: ClientSessionConfiguration(siteID: FuzzWorld.site, agentID: agentID, token: token))
        return try client.start()
    }

    func run(_ bytes: [UInt8]) {
        let items = FuzzInput(bytes, agentHello: agentHello, adminHello: adminHello).items
        guard !items.isEmpty else { return }
        do {
            try template.backup(to: work)
            let responder = RequestResponder(service: service, logger: logger)
            try Self.blocking { [service, world, configuration] in
                var driver = SessionDriver(service: service, responder: responder, world: world, configuration: configuration)
                await driver.run(items)
            }
        } catch {
            preconditionFailure("could not restore the store: \(error)")
        }
    }

    /// Runs async work to completion from libFuzzer's synchronous callback.
    static func blocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let done = DispatchSemaphore(value: 0)
        let result = ResultBox<T>()
        Task {
            do { result.value = .success(try await body()) } catch { result.value = .failure(error) }
            done.signal()
        }
        done.wait()
        return try result.value!.get()
    }
}

/// Carries a result out of a Task; the semaphore orders the write before the read.
private final class ResultBox<T>: @unchecked Sendable {
    var value: Result<T, any Error>?
}
