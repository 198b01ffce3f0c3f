import Foundation
import Logging
import Testing
import TouchpointClient
import TouchpointModel
import TouchpointProtocol
import TouchpointStore

/// Issue 8 item 12: a server that accepts but never answers.
@Suite struct ClientTimeoutTests {
    @Test func syncAgainstSilentServerTimesOut() async throws {
        let silent = try await SilentServer.start()
        let store = try AgentStore.inMemory()
        let identity = try store.initialize(agentID: UUID(), territories: ["north"])
        let configuration = ClientSessionConfiguration(
            siteID: identity.site, agentID: identity.agentID, token: "tp_silent", timeouts: Self.oneSecond)
        let error = await #expect(throws: ProtocolError.self) {
            try await Self.returning {
                try await SyncConnection.withConnection(to: silent.endpoint, configuration: configuration) { connection in
                    try await SyncEngine(store: store).sync(over: connection)
                }
            }
        }
        #expect(error?.code == .deadlineExceeded)
        #expect(error?.message == "the server at \(silent.endpoint) did not answer within 1 s")
        await silent.stop()
    }

    @Test func verifyAgainstSilentServerTimesOut() async throws {
        let silent = try await SilentServer.start()
        let store = try silent.laptop()
        let error = await #expect(throws: ProtocolError.self) {
            try await Self.returning { try await AgentSync(store: store, timeouts: Self.oneSecond).verify() }
        }
        #expect(error?.code == .deadlineExceeded)
        await silent.stop()
    }

    /// `run` records the timeout and tries again with backoff instead of hanging.
    @Test func runKeepsGoingAfterATimeout() async throws {
        let silent = try await SilentServer.start()
        let store = try silent.laptop()
        let run = Task { await AgentSync(store: store, timeouts: Self.oneSecond).run(logger: Logger(label: "test.run")) }
        // Bounded: the watchdog fails the test if the second attempt never comes.
        try await Self.returning {
            while silent.accepted.count < 2 { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(try store.meta(.lastError)?.contains("did not answer within 1 s") == true)
        run.cancel()
        await run.value
        await silent.stop()
    }

    static let oneSecond = ClientTimeouts(connect: .seconds(1), request: .seconds(1))

    struct Hung: Error {}

    /// Fails with ``Hung`` instead of hanging the suite when `body` never returns.
    static func returning<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: .seconds(30))
                throw Hung()
            }
            defer { group.cancelAll() }
            return try await group.next()!
        }
    }
}
