import Foundation
import Logging
import NIOConcurrencyHelpers
import Testing
import TouchpointModel
import TouchpointServer
import TouchpointStore

/// Issue 13, logs: every line logged while a connection is served — by the session,
/// the sync service or the store — names the session and, once Hello is accepted,
/// the agent; two agents' sessions have different ids.
@Suite struct SessionLogTests {
    /// Keeps every log line with its metadata, the provider's included (what a log handler prints).
    final class Lines: Sendable {
        let lines = NIOLockedValueBox<[(message: String, metadata: [String: String])]>([])

        func handler(label: String) -> some LogHandler {
            Handler(lines: self, metadataProvider: SessionLogContext.metadataProvider)
        }

        struct Handler: LogHandler {
            let lines: Lines
            var metadataProvider: Logger.MetadataProvider?
            var metadata: Logger.Metadata = [:]
            var logLevel: Logger.Level = .debug
            subscript(metadataKey key: String) -> Logger.Metadata.Value? {
                get { metadata[key] }
                set { metadata[key] = newValue }
            }
            func log(event: LogEvent) {
                let all = metadata.merging(metadataProvider?.get() ?? [:]) { $1 }.merging(event.metadata ?? [:]) { $1 }
                lines.lines.withLockedValue { $0.append((event.message.description, all.mapValues { "\($0)" })) }
            }
        }
    }

    @Test func everyLineOfASessionNamesTheSessionAndItsAgent() async throws {
        let lines = Lines()
        let logger = Logger(label: "test.server") { lines.handler(label: $0) }
        let server = try await LiveServer.start(logger: logger)
        let ada = try await server.laptop("Ada", territories: ["north"])
        let bo = try await server.laptop("Bo", territories: ["north"])
        try ada.store.create(try Customer(name: "Anika", territory: "north"))
        try await ada.sync()
        try await bo.sync()
        await server.stop()

        let captured = lines.lines.withLockedValue { $0 }
        let pushed = try #require(captured.first { $0.message == "push applied" }, "the service logs at debug: \(captured.map(\.message))")
        #expect(pushed.metadata["agent"] == "Ada" && pushed.metadata["session"] != nil, "a service line carries its session: \(pushed)")
        let started = captured.filter { $0.message == "session started" }
        #expect(started.count == 2)
        let sessions = Set(started.compactMap { $0.metadata["session"] })
        #expect(sessions.count == 2, "each connection has its own session id")
        for line in started {
            #expect(line.metadata["agent_id"] != nil && line.metadata["peer"]?.contains("127.0.0.1") == true, "\(line)")
        }
        let sessionLines = captured.filter { $0.metadata["session"] == pushed.metadata["session"] }
        #expect(sessionLines.allSatisfy { $0.metadata["agent"] == "Ada" || $0.message.hasPrefix("connection") }, "\(sessionLines)")
    }
}
