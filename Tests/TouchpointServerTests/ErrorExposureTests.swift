import Foundation
import GRDB
import Logging
import Testing
import TouchpointClusterTesting
import TouchpointModel
import TouchpointProtocol
import TouchpointServer
import TouchpointStore

/// Errors reach a client through one mapping: a store or SQL failure inside a
/// request becomes `INTERNAL` with a generic message, never its raw text (SQL,
/// table names, file paths), and the session goes on.
@Suite struct ErrorExposureTests {
    /// Where a request meets the broken store.
    enum Request: String, CaseIterable, Sendable {
        case push, pull, status, conflicts
    }

    /// What must never reach a client: pieces of the SQL, the failing table, SQLite's own words, the path.
    static let secrets = ["SELECT", "INSERT", "changes", "no such table", "SQLite", "SQLITE", "/var/lib/touchpoint"]

    /// A server store, an authenticated agent with one change to push, and the database under the store.
    struct World {
        let queue: DatabaseQueue
        let service: SyncService
        let principal: Principal
        let push: [SequencedChange]

        init(role: AgentRole) async throws {
            queue = try DatabaseQueue()
            service = SyncService(store: try SQLiteServerStore(writer: queue))
            let agent = try Agent(name: "ada", territories: ["north"], role: role)
            let token = try await service.store.addAgent(agent, now: Cluster.epoch)
            let laptop = try AgentStore.inMemory()
            let identity = try laptop.initialize(agentID: agent.id)
            principal = try await service.authenticate(token: token, site: identity.site, protocolVersion: 1)
            try laptop.create(try Customer(name: "Anika", territory: "north"))
            push = try laptop.outbox().map { SequencedChange(sequence: UInt64($0.seq), change: $0.change) }
        }

        /// The answer the session would send for `request`.
        func answer(_ request: Request) async -> Envelope? {
            var logger = Logger(label: "test.errors")
            logger.logLevel = .critical
            let action: ServerSessionStateMachine.Action =
                switch request {
                case .push: .push(requestID: 7, changes: push)
                case .pull: .pull(requestID: 7, afterSequence: 0, limit: 100)
                case .status: .admin(requestID: 7, command: .status(Touchpoint_V1_StatusRequest()))
                case .conflicts: .admin(requestID: 7, command: .conflictsList(Touchpoint_V1_ConflictsListRequest()))
                }
            return await RequestResponder(service: service, logger: logger)
                .respond(to: action, from: principal, maxFrameBytes: ProtocolLimits.defaultMaxFrameBytes)
        }
    }

    static func expectGenericInternalError(_ reply: Envelope?, _ what: String) {
        guard case .error(let error)? = reply?.body else {
            Issue.record("\(what): expected an Error, got \(reply?.kindName ?? "nothing")")
            return
        }
        #expect(reply?.requestID == 7)
        #expect(error.code == .internal, "\(what): \(error.code) \(error.message)")
        #expect(!error.fatal, "\(what): one failed request does not end the session")
        for secret in secrets {
            #expect(!error.message.contains(secret), "\(what) leaks '\(secret)': \(error.message)")
        }
        #expect(error.details.allSatisfy { detail in secrets.allSatisfy { !detail.value.contains($0) } }, "\(what): \(error.details)")
    }

    /// The change log's table is gone: every request that reads or writes it fails
    /// with SQLite's "no such table: changes" and the statement's SQL.
    @Test(arguments: Request.allCases)
    func aSQLErrorReachesTheClientAsAGenericInternalError(request: Request) async throws {
        let world = try await World(role: request == .push || request == .pull ? .agent : .admin)
        try await world.queue.write { db in
            try db.execute(sql: "ALTER TABLE changes RENAME TO changes_gone")
            try db.execute(sql: "ALTER TABLE conflicts RENAME TO conflicts_gone")
        }
        Self.expectGenericInternalError(await world.answer(request), "\(request)")
    }

    /// An I/O failure naming the database file, raised in the middle of a push transaction.
    @Test func anIOErrorNamingAFileReachesTheClientWithoutThePath() async throws {
        let world = try await World(role: .agent)
        try await world.queue.write { db in
            db.add(function: DatabaseFunction("crash", argumentCount: 0) { _ in
                throw DatabaseError(resultCode: .SQLITE_IOERR, message: "disk I/O error writing /var/lib/touchpoint/server.sqlite-wal")
            })
            try db.execute(sql: "CREATE TEMP TRIGGER crash BEFORE INSERT ON changes BEGIN SELECT crash(); END")
        }
        Self.expectGenericInternalError(await world.answer(.push), "push")
    }

    /// A constraint the store raises refuses that change, without SQLite's words for it.
    @Test func aConstraintRefusesTheChangeWithoutItsSQLiteText() async throws {
        let world = try await World(role: .agent)
        try await world.queue.write { db in
            try db.execute(sql: """
                CREATE TEMP TRIGGER refuse BEFORE INSERT ON changes
                BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: changes.fields in /var/lib/touchpoint/server.sqlite'); END
                """)
        }
        guard case .pushAck(let ack)? = await world.answer(.push)?.body else {
            Issue.record("expected a PushAck")
            return
        }
        let rejection = try #require(ack.rejected.first)
        #expect(rejection.code == .invalidArgument)
        for secret in Self.secrets + ["CHECK", "constraint failed"] {
            #expect(!rejection.message.contains(secret), "the rejection leaks '\(secret)': \(rejection.message)")
        }
    }

    /// Errors that say their own wire form keep it: a refusal the store words for the user.
    @Test func storeRefusalsKeepTheirCodeAndMessage() async throws {
        let world = try await World(role: .admin)
        var resolve = Touchpoint_V1_ConflictResolveRequest()
        resolve.conflictID = 404
        resolve.choice = .keepWinner
        var logger = Logger(label: "test.errors")
        logger.logLevel = .critical
        let reply = await RequestResponder(service: world.service, logger: logger).respond(
            to: .admin(requestID: 7, command: .conflictResolve(resolve)), from: world.principal,
            maxFrameBytes: ProtocolLimits.defaultMaxFrameBytes)
        guard case .error(let error)? = reply?.body else {
            Issue.record("expected an Error, got \(reply?.kindName ?? "nothing")")
            return
        }
        #expect(error.code == .notFound)
        #expect(error.message == "no conflict with id 404")
    }
}
