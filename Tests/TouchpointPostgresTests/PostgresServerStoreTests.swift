import Foundation
import GRDB
import PostgresNIO
import Testing
import TouchpointModel
import TouchpointPostgres
import TouchpointPostgresTesting
import TouchpointProtocol
import TouchpointRecords
import TouchpointReports
import TouchpointServer

/// The PostgreSQL store answers as the SQLite store does: each test does the
/// same to both (``StorePair``) and expects the same answers, errors included.
@Suite(.enabled(if: PostgresTestDatabase.isConfigured, PostgresTestDatabase.skipped))
struct PostgresServerStoreTests {
    let logger = PostgresTestDatabase.logger
    let now = Date(timeIntervalSince1970: 1_790_000_000.123)

    @Test func instancesOpeningAtOnceAgreeOnTheIdentity() async throws {
        try await PostgresTestDatabase.withFreshDatabase { database in
            let stores = try await withThrowingTaskGroup(of: PostgresServerStore.self) { group in
                for _ in 0..<3 { group.addTask { try await PostgresServerStore.open(database, logger: logger) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            var infos: [ServerInfo] = []
            for store in stores {
                infos.append(try await store.info())
                await store.shutdown()
            }
            #expect(Set(infos.map(\.serverID)).count == 1)
            #expect(Set(infos.map(\.epoch)).count == 1)
            #expect(infos[0].backend == "postgres")
            #expect(infos[0].head == 0)
            #expect(infos[0].openConflicts == 0)
        }
    }

    @Test func agentsRegisterAuthenticateAndRevoke() async throws {
        try await StorePair.with { pair in
            for store in pair.both {
                let agent = try Agent(id: PostgresStoreFixture.id(11), name: "Ana", team: "North", territories: ["north", "east"])
                let token = try await store.addAgent(agent, now: now)
                #expect(try await store.authenticate(token: token) == agent)
                #expect(try await store.authenticate(token: "tp_wrong") == nil)
                #expect(try await store.isActive(agentID: agent.id))
                let twice = try await refusal { _ = try await store.addAgent(agent, now: now) }
                #expect(twice == StoreError(kind: .refused, message: "agent \(agent.id.lowercasedText) is already registered"))

                try await store.setTerritories([" south ", ""], of: agent.id)
                #expect(try await store.authenticate(token: token)?.territories == ["south"])
                let none = try await refusal { try await store.setTerritories([" "], of: agent.id) }
                #expect(none.kind == .invalid)
                let stranger = PostgresStoreFixture.id(12)
                let unknown = try await refusal { try await store.setTerritories(["north"], of: stranger) }
                #expect(unknown == StoreError(kind: .notFound, message: "no agent with id \(stranger.lowercasedText)"))

                try await store.revokeAgent(agent.id, now: now)
                #expect(try await store.authenticate(token: token) == nil)
                #expect(!(try await store.isActive(agentID: agent.id)))
                let again = try await refusal { try await store.revokeAgent(agent.id, now: now) }
                #expect(again == StoreError(kind: .notFound, message: "no active agent with id \(agent.id.lowercasedText)"))
                #expect(try await store.agents().map(\.revoked) == [true])
            }
        }
    }

    @Test func syncStateIsRecordedAlike() async throws {
        try await StorePair.with { pair in
            let site = PostgresStoreFixture.sites[0]
            let agents = [
                try Agent(id: PostgresStoreFixture.id(21), name: "ben", territories: ["south"]),
                try Agent(id: PostgresStoreFixture.id(22), name: "Zed", territories: ["north"], role: .admin),
                try Agent(id: PostgresStoreFixture.id(23), name: "Ana", territories: ["north"]),
            ]
            let change = Change(entity: .customer, id: PostgresStoreFixture.north, fields: [
                FieldChange(name: "name", value: .text("A"), version: FieldVersion(hlc: HLC(rawValue: 1), site: site), base: nil)
            ])
            for seq in 1...5 { try await pair.logChange(Int64(seq), change, territory: "north", site: site) }
            var answers: [[AgentSyncState]] = []
            for store in pair.both {
                for agent in agents { _ = try await store.addAgent(agent, now: now) }
                let ben = Principal(agentID: agents[0].id, name: "ben", role: .agent, territories: ["south"], site: site)
                try await store.sessionStarted(ben, protocolVersion: 3, now: now)
                try await store.recordError(agentID: ben.agentID, message: "clock ahead by 9 minutes", now: now)
                try await store.recordPull(ben, cursor: 4, outboxDepth: 7, now: now)
                // The cursor only moves forward; a pull that reports no depth keeps the last one.
                try await store.recordPull(ben, cursor: 2, outboxDepth: nil, now: now.addingTimeInterval(1))
                answers.append(try await store.agents())
            }
            #expect(answers[0] == answers[1])
            let ben = try #require(answers[1].first { $0.agent.id == agents[0].id })
            #expect(answers[1].map(\.agent.name) == ["Ana", "Zed", "ben"])
            #expect(ben.cursor == 4 && ben.lag == 1 && ben.outboxDepth == 7 && ben.protocolVersion == 3)
            #expect(ben.site == site.description && ben.lastError == "clock ahead by 9 minutes")
            #expect(ben.lastSync == Date(milliseconds: Int64(HLC.milliseconds(now.addingTimeInterval(1)))))
        }
    }

    @Test func pullsReadTheChangeLogInTheirScope() async throws {
        try await StorePair.with { pair in
            let (north, south) = (PostgresStoreFixture.sites[0], PostgresStoreFixture.sites[1])
            for seq in 1...6 {
                let site = seq % 2 == 0 ? south : north
                let change = Change(entity: .customer, id: PostgresStoreFixture.id(seq), fields: [
                    FieldChange(
                        name: "name", value: .text("C\(seq)"), version: FieldVersion(hlc: HLC(rawValue: UInt64(seq)), site: site),
                        base: nil)
                ])
                try await pair.logChange(Int64(seq * 10), change, territory: seq % 2 == 0 ? "south" : "north", site: site)
            }
            for (cursor, limit, territories) in [(0, 100, nil), (10, 2, nil), (0, 100, ["north"]), (20, 1, ["south", "west"]), (0, 5, [])]
                as [(UInt64, Int, [String]?)]
            {
                let sqlite = try await pair.sqlite.scopedChanges(after: cursor, limit: limit, territories: territories)
                let postgres = try await pair.postgres.scopedChanges(after: cursor, limit: limit, territories: territories)
                #expect(postgres == sqlite, "after \(cursor), \(limit), \(territories ?? ["all"])")
                #expect(postgres.head == 60)
            }
            let scoped = try await pair.postgres.scopedChanges(after: 10, limit: 100, territories: ["south"])
            #expect(scoped.entries.map(\.sequenced.sequence) == [20, 40, 60])
            #expect(scoped.entries.map(\.site) == [south, south, south])
            #expect(try await pair.postgres.changes(after: 30, limit: 2) == pair.sqlite.changes(after: 30, limit: 2))
            #expect(try await pair.postgres.changes(after: 30, limit: 2).map(\.sequence) == [40, 50])
            #expect(try await pair.postgres.head() == 60)
        }
    }

    @Test func anUnreadableChangeIsCorruptWithTheSameMessage() async throws {
        try await StorePair.with { pair in
            try await pair.queue.write { db in
                try db.execute(
                    sql: "INSERT INTO changes (seq, entity, entity_id, territory, site, record, received_at) VALUES (7, 'customer', 'x', 'north', 's', x'ff', 0)"
                )
            }
            try await pair.postgresSQL(
                "INSERT INTO changes (seq, entity, entity_id, territory, site, record, received_at) VALUES (7, 'customer', 'x', 'north', 's', '\\xff', 0)"
            )
            let sqlite = try await refusal { _ = try await pair.sqlite.changes(after: 0, limit: 10) }
            let postgres = try await refusal { _ = try await pair.postgres.changes(after: 0, limit: 10) }
            #expect(postgres == sqlite)
            #expect(postgres.kind == .corrupt)
        }
    }

    @Test func conflictsListAndPageAlike() async throws {
        try await StorePair.with { pair in
            let (ana, ben) = (PostgresStoreFixture.id(31), PostgresStoreFixture.id(32))
            func side(_ text: String, _ hlc: UInt64, _ agent: UUID?) -> ConflictRecord.Side {
                ConflictRecord.Side(
                    FieldState(value: .text(text), version: FieldVersion(hlc: HLC(rawValue: hlc), site: PostgresStoreFixture.sites[0])),
                    agent: agent)
            }
            for n in 1...7 {
                let entity: EntityType = n % 3 == 0 ? .supportCase : .customer
                try await pair.logConflict(
                    entity, PostgresStoreFixture.id(n), field: n % 3 == 0 ? "status" : "name",
                    winner: side("w\(n)", UInt64(n * 2), n % 2 == 0 ? ana : ben), loser: side("l\(n)", UInt64(n), n == 5 ? nil : ana),
                    detectedAt: 1_790_000_000_000 + Int64(n), resolvedAt: n <= 2 ? 1_790_000_100_000 : nil)
            }
            var filters: [ConflictFilter] = [ConflictFilter()]
            var filter = ConflictFilter()
            filter.openOnly = true
            filters.append(filter)
            filter.agentID = ben
            filters.append(filter)
            filter = ConflictFilter()
            filter.entity = .supportCase
            filters.append(filter)
            filter = ConflictFilter()
            filter.afterID = 2
            filter.limit = 3
            filters.append(filter)
            filter.agentID = ana
            filter.openOnly = true
            filters.append(filter)
            for filter in filters {
                #expect(try await pair.postgres.conflicts(filter) == pair.sqlite.conflicts(filter), "\(filter)")
            }
            #expect(try await pair.postgres.conflicts(ConflictFilter()).map(\.id) == [7, 6, 5, 4, 3, 2, 1])
            #expect(try await pair.postgres.conflicts(filters[4]).map(\.id) == [3, 4, 5])
            #expect(try await pair.postgres.conflicts(filters[3]).map(\.id) == [6, 3])
            #expect(try await pair.postgres.conflict(id: 5) == pair.sqlite.conflict(id: 5))
            #expect(try await pair.postgres.conflict(id: 5)?.loser.agent == nil)
            #expect(try await pair.postgres.conflict(id: 99) == nil)
            #expect(try await pair.postgres.info().openConflicts == 5)
        }
    }

    @Test func aConflictThatCannotBeReadFailsAlikeNotAsUnavailable() async throws {
        try await StorePair.with { pair in
            let side = ConflictRecord.Side(
                FieldState(value: .text("x"), version: FieldVersion(hlc: HLC(rawValue: 1), site: PostgresStoreFixture.sites[0])))
            try await pair.logConflict(.customer, PostgresStoreFixture.north, field: "name", winner: side, loser: side, detectedAt: 1)
            try await pair.queue.write { db in try db.execute(sql: "UPDATE conflicts SET winner = '{'") }
            try await pair.postgresSQL("UPDATE conflicts SET winner = '{'")
            for store in pair.both {
                await #expect(throws: DecodingError.self) { _ = try await store.conflict(id: 1) }
            }
        }
    }

    @Test func recordsDigestsAndReportsAreTheSame() async throws {
        try await StorePair.with { pair in
            try await pair.save(PostgresStoreFixture.states)
            for state in PostgresStoreFixture.states {
                #expect(try await pair.postgres.record(state.entity, id: state.id) == state)
                #expect(try await pair.sqlite.record(state.entity, id: state.id) == state)
            }
            #expect(try await pair.postgres.record(.customer, id: PostgresStoreFixture.id(77)) == nil)
            for territories in [nil, ["north"], ["south", "west"], []] as [[String]?] {
                let digest = try await pair.postgres.digest(territories: territories)
                #expect(digest == (try await pair.sqlite.digest(territories: territories)), "\(territories ?? ["all"])")
            }
            #expect(try await pair.postgres.digest(territories: nil) != RecordDigest())

            let agent = PostgresStoreFixture.ana
            for store in pair.both { _ = try await store.addAgent(agent, now: now) }
            let (sqlite, postgres) = (try await pair.sqlite.reportDataset(), try await pair.postgres.reportDataset())
            #expect(Set(postgres.customers.map(\.id)) == [PostgresStoreFixture.north, PostgresStoreFixture.south])
            #expect(Set(postgres.customers) == Set(sqlite.customers))
            #expect(postgres.interactions == sqlite.interactions && postgres.interactions.count == 1)
            #expect(postgres.cases == sqlite.cases && postgres.cases.count == 1)
            #expect(postgres.feedback == sqlite.feedback && postgres.feedback.count == 1)
            #expect(postgres.followUps == sqlite.followUps && postgres.followUps.count == 1)
            #expect(postgres.agents == [agent])
        }
    }

    @Test func aStoreShutDownIsUnavailableNotACrash() async throws {
        try await PostgresTestDatabase.withFreshDatabase { database in
            let store = try await PostgresServerStore.open(database, logger: logger)
            await store.shutdown()
            let error = try #require(await #expect(throws: PostgresStoreError.self) { _ = try await store.head() })
            #expect(error.code == .unavailable, "\(error.message)")
            #expect(!error.message.contains("\n"))
        }
    }

    @Test func anUnreachableDatabaseFailsAtOnceInOneLine() async throws {
        var database = try PostgresTestDatabase.server()
        database.port = 1
        let error = try #require(
            await #expect(throws: PostgresStoreError.self) { _ = try await PostgresServerStore.open(database, logger: logger) })
        #expect(error.message == "cannot reach PostgreSQL at \(database.endpoint): Connection refused")
    }

    /// The store error `body` throws.
    private func refusal(_ body: () async throws -> Void) async throws -> StoreError {
        try #require(await #expect(throws: StoreError.self) { try await body() })
    }
}
