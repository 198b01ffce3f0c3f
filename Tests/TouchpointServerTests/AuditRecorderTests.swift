import Foundation
import GRDB
import Logging
import Synchronization
import Testing
import TouchpointModel
import TouchpointProtocol
import TouchpointRecords
import TouchpointServer

/// ``AuditRecorder`` on a real SQLite store: an action's outcome is appended; when the
/// append itself fails, the action stands (it committed) and the entry is logged as an error.
@Suite struct AuditRecorderTests {
    /// The log lines a recorder writes, kept for the test to read.
    final class CapturedLog: Sendable {
        struct Line: Sendable {
            var level: Logger.Level
            var message: String
            var metadata: [String: String]
        }
        let lines = Mutex<[Line]>([])

        var logger: Logger {
            Logger(label: "test.audit") { _ in Handler(log: self) }
        }

        struct Handler: LogHandler {
            let log: CapturedLog
            var metadata: Logger.Metadata = [:]
            var logLevel: Logger.Level = .trace
            subscript(metadataKey key: String) -> Logger.Metadata.Value? {
                get { metadata[key] }
                set { metadata[key] = newValue }
            }
            func log(event: LogEvent) {
                let fields = (event.metadata ?? [:]).mapValues { "\($0)" }
                log.lines.withLock { $0.append(Line(level: event.level, message: "\(event.message)", metadata: fields)) }
            }
        }
    }

    static func store() throws -> (SQLiteServerStore, DatabaseQueue, Agent) {
        let queue = try DatabaseQueue()
        let store = try SQLiteServerStore(writer: queue)
        return (store, queue, try Agent(name: "Zoe", territories: ["east"]))
    }

    @Test func anActionAndARefusalAreAppendedWithTheirOutcome() async throws {
        let (store, _, zoe) = try Self.store()
        let recorder = AuditRecorder(store: store, actor: .localOperator(user: "ops"))
        _ = try await recorder.record(.agentAdd, target: zoe.id.lowercasedText) { try await store.addAgent(zoe, now: Date()) }
        await #expect(throws: StoreError.self) {
            _ = try await recorder.record(.agentAdd, target: zoe.id.lowercasedText) { try await store.addAgent(zoe, now: Date()) }
        }
        let entries = try await store.auditEntries(since: nil, limit: 10)
        #expect(entries.map(\.outcome) == [.ok, .refused("agent \(zoe.id.lowercasedText) is already registered")])
        #expect(entries.allSatisfy { $0.actor.name == "local operator (ops)" && $0.target == zoe.id.lowercasedText })
    }

    @Test func anAppendThatFailsLeavesTheActionAndLogsTheEntry() async throws {
        let (store, queue, zoe) = try Self.store()
        // The table gone (the triggers guard rows, not the table): every append now fails.
        try await queue.write { try $0.execute(sql: "DROP TABLE audit_log") }
        let log = CapturedLog()
        let recorder = AuditRecorder(store: store, actor: .localOperator(user: "ops"), logger: log.logger)

        let token = try await recorder.record(.agentAdd, target: zoe.id.lowercasedText) { try await store.addAgent(zoe, now: Date()) }
        #expect(try await store.authenticate(token: token)?.id == zoe.id, "the action committed")
        let unknown = UUID()
        let error = await #expect(throws: StoreError.self) {
            try await recorder.record(.agentRevoke, target: unknown.lowercasedText) { try await store.revokeAgent(unknown, now: Date()) }
        }
        #expect(error?.kind == .notFound, "the action's own error, not the append's")

        let lines = log.lines.withLock { $0 }
        #expect(lines.count == 2 && lines.allSatisfy { $0.level == .error && $0.message == "audit entry not written" })
        #expect(lines.first?.metadata["action"] == "agent_add" && lines.first?.metadata["outcome"] == "ok")
        #expect(lines.last?.metadata["target"] == unknown.lowercasedText && lines.last?.metadata["outcome"] == "refused")
        #expect(lines.last?.metadata["reason"]?.contains("no active agent") == true)
    }
}
