import Foundation
import GRDB
import Testing
import TouchpointModel
import TouchpointProtocol
import TouchpointServer

/// The outbox depth agents report in their pulls, kept per agent through the
/// `v4-reported-outbox-depth` migration.
@Suite struct ReportedOutboxDepthTests {
    @Test func aServerDatabaseFromBeforeTheFieldKeepsItsAgentsWithNoDepthUntilTheyReport() async throws {
        let old = try DatabaseQueue()
        try ServerSchema.migrator.migrate(old, upTo: "v3-push-log")
        let agent = try Agent(name: "Ada", territories: ["north"])
        try await old.write { db in
            try db.execute(
                sql: """
                    INSERT INTO agents(id, name, territories, role, token_hash, created_at)
                    VALUES (?, 'Ada', 'north', 'agent', 'hash', 0)
                    """,
                arguments: [agent.id.uuidString.lowercased()])
            try db.execute(sql: "INSERT INTO sync_state(agent_id) VALUES (?)", arguments: [agent.id.uuidString.lowercased()])
        }
        let store = try SQLiteServerStore(writer: old)
        func depth() async throws -> UInt64? { try await store.agents().first { $0.agent.id == agent.id }?.outboxDepth }
        #expect(try await depth() == nil, "never reported: unknown, not 0")

        let principal = Principal(agentID: agent.id, name: "Ada", role: .agent, territories: ["north"], site: SiteID.random())
        try await store.recordPull(principal, cursor: 0, outboxDepth: 4, now: Date())
        #expect(try await depth() == 4)
        try await store.recordPull(principal, cursor: 0, outboxDepth: nil, now: Date())
        #expect(try await depth() == 4, "a pull that reports nothing keeps the last report")
        try await store.recordPull(principal, cursor: 0, outboxDepth: 0, now: Date())
        #expect(try await depth() == 0)
    }
}
