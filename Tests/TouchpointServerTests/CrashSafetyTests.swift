import Foundation
import GRDB
import Testing
import TouchpointClient
import TouchpointClusterTesting
import TouchpointModel
import TouchpointProtocol
import TouchpointServer
import TouchpointStore

@Suite struct CrashSafetyTests {
    /// A client that dies between receiving a page and saving it (the local
    /// transaction fails) re-pulls the same page and applies it exactly once.
    @Test func failedPageApplyIsRepulledAndAppliedOnce() async throws {
        let cluster = try await Cluster(agents: [["north"]])
        let writer = cluster.agents[0]
        for i in 0..<12 { try writer.store.create(try Customer(name: "C\(i)", territory: "north")) }
        _ = try await writer.sync()

        let queue = try DatabaseQueue()
        let reader = try AgentStore(writer: queue)
        let agent = try Agent(name: "reader", territories: ["north"])
        let token = try await cluster.server.addAgent(agent, now: Cluster.epoch)
        let identity = try reader.initialize(agentID: agent.id)
        let principal = try await cluster.service.authenticate(token: token, site: identity.site, protocolVersion: 1)
        let transport = InProcessTransport(service: cluster.service, principal: principal)

        // Fail the second page's transaction, as a crash before commit would.
        try await queue.write { db in
            try db.execute(sql: """
                CREATE TEMP TRIGGER crash BEFORE UPDATE ON meta WHEN NEW.key = 'pull_cursor' AND NEW.value = '10'
                BEGIN SELECT RAISE(ABORT, 'killed'); END
                """)
        }
        await #expect(throws: DatabaseError.self) { try await SyncEngine(store: reader).sync(over: transport) }
        #expect(try reader.status().pullCursor == 5, "the first page and its cursor committed together")
        #expect(try reader.status().records["customer"] == 5, "the failed page left nothing behind")

        try await queue.write { db in try db.execute(sql: "DROP TRIGGER crash") }
        let summary = try await SyncEngine(store: reader).sync(over: transport)
        #expect(summary.pulled == 7)
        #expect(try reader.status().records["customer"] == 12)
        #expect(try reader.digest() == (try writer.store.digest()))
    }

    /// A batch that fails inside the server's transaction leaves nothing applied.
    @Test func serverFailureMidBatchLeavesNoPartialBatch() async throws {
        let queue = try DatabaseQueue()
        let server = try SQLiteServerStore(writer: queue)
        let service = SyncService(store: server)
        let agent = try Agent(name: "a", territories: ["north"])
        let token = try await server.addAgent(agent, now: Cluster.epoch)
        let store = try AgentStore.inMemory()
        let identity = try store.initialize(agentID: agent.id)
        let principal = try await service.authenticate(token: token, site: identity.site, protocolVersion: 1)
        for i in 0..<5 { try store.create(try Customer(name: "C\(i)", territory: "north")) }
        let entries = try store.outbox().map { SequencedChange(sequence: UInt64($0.seq), change: $0.change) }

        // An I/O failure on the third change of the batch (a SQL function that throws
        // fails with SQLITE_ERROR, not a constraint: the batch must not be half-kept).
        try await queue.write { db in
            db.add(function: DatabaseFunction("crash", argumentCount: 0) { _ in
                throw DatabaseError(resultCode: .SQLITE_IOERR, message: "disk I/O error")
            })
            try db.execute(sql: """
                CREATE TEMP TRIGGER crash BEFORE INSERT ON changes WHEN (SELECT count(*) FROM changes) >= 3
                BEGIN SELECT crash(); END
                """)
        }
        await #expect(throws: (any Error).self) { try await service.push(entries, from: principal) }
        #expect(try await server.info().head == 0)
        #expect(try await server.digest(territories: nil).entities["customer"]?.count == 0)

        try await queue.write { db in try db.execute(sql: "DROP TRIGGER crash") }
        let outcome = try await service.push(entries, from: principal)
        #expect(outcome.applied == 5 && outcome.ackedSequence == entries.last!.sequence)
    }
}
