import Foundation
import PostgresNIO
import Testing
import TouchpointModel
import TouchpointPostgres
import TouchpointPostgresTesting
import TouchpointRecords

/// The record codec: states written in one statement per entity read back
/// exactly — every field kind, explicit nulls, versions of several sites,
/// fields a newer schema added, tombstones — by a table that has not met
/// their sites yet.
@Suite(.enabled(if: PostgresTestDatabase.isConfigured, PostgresTestDatabase.skipped))
struct PostgresRecordTableTests {
    let logger = PostgresTestDatabase.logger
    let states = PostgresStoreFixture.states

    /// Runs `body` on a connection to a fresh, migrated database.
    private func withTable(_ body: (PostgresConnection) async throws -> Void) async throws {
        try await PostgresTestDatabase.withFreshDatabase { database in
            try await PostgresMigrator().migrate(database, logger: logger)
            try await database.withConnection(logger: logger, body)
        }
    }

    private func save(_ states: [RecordState], on connection: PostgresConnection) async throws {
        var table = PostgresRecordTable(logger: logger)
        try await connection.query("BEGIN", logger: logger)
        try await table.save(states, on: connection)
        try await connection.query("COMMIT", logger: logger)
    }

    /// Every stored state, by a new table (its own site cache).
    private func loadAll(on connection: PostgresConnection) async throws -> [UUID: RecordState] {
        var table = PostgresRecordTable(logger: logger)
        var loaded: [UUID: RecordState] = [:]
        for entity in EntityType.allCases {
            loaded.merge(try await table.load(entity, states.map(\.id), on: connection)) { first, _ in first }
        }
        return loaded
    }

    @Test func everyEntityReadsBackAsWritten() async throws {
        try await withTable { connection in
            try await save(states, on: connection)
            let loaded = try await loadAll(on: connection)
            #expect(loaded.count == states.count)
            for state in states { #expect(loaded[state.id] == state, "\(state.entity.rawValue)") }
            #expect(Set(EntityType.allCases) == Set(states.map(\.entity)))
            let customer = try #require(loaded[PostgresStoreFixture.north])
            #expect(customer.fields["loyalty_tier"]?.value == .text("gold \"ω\""))
            #expect(Set(customer.fields.values.map(\.version.site)) == Set(PostgresStoreFixture.sites))
            #expect(loaded[PostgresStoreFixture.gone]?.isDeleted == true)
        }
    }

    @Test func loadingIDsThatAreNotStoredFindsNothing() async throws {
        try await withTable { connection in
            try await save(states, on: connection)
            var table = PostgresRecordTable(logger: logger)
            #expect(try await table.load(.customer, [PostgresStoreFixture.id(77)], on: connection).isEmpty)
            #expect(try await table.load(.customer, [UUID](), on: connection).isEmpty)
            // Ids of other entities are not customers.
            #expect(try await table.load(.customer, [PostgresStoreFixture.caseID], on: connection).isEmpty)
        }
    }

    @Test func savingAgainReplacesTheWholeState() async throws {
        try await withTable { connection in
            try await save(states, on: connection)
            var customer = try #require(states.first { $0.id == PostgresStoreFixture.north })
            let newer = FieldVersion(hlc: HLC(rawValue: 5_000_000), site: SiteID(PostgresStoreFixture.id(9004)))
            customer.fields["email"] = FieldState(value: .null, version: newer)
            customer.fields["loyalty_tier"] = nil
            customer.fields["segment"] = nil
            var gone = try #require(states.first { $0.id == PostgresStoreFixture.gone })
            gone.fields[tombstoneField] = FieldState(value: .integer(0), version: newer)
            var stale = customer
            stale.fields["name"] = FieldState(value: .text("Stale"), version: newer)
            // Of two states of one record in one call, the later is written.
            try await save([stale, customer, gone], on: connection)
            let loaded = try await loadAll(on: connection)
            #expect(loaded[customer.id] == customer)
            #expect(loaded[gone.id] == gone)
            #expect(loaded[gone.id]?.isDeleted == false)
        }
    }

    @Test func scansFilterByTombstoneAndTerritory() async throws {
        try await withTable { connection in
            try await save(states, on: connection)
            func scan(liveOnly: Bool = false, _ territories: [String]?) async throws -> Set<UUID> {
                var table = PostgresRecordTable(logger: logger)
                var ids = Set<UUID>()
                for entity in EntityType.allCases {
                    try await table.forEachState(entity, liveOnly: liveOnly, territories: territories, on: connection) {
                        ids.insert($0.id)
                    }
                }
                return ids
            }
            let all = Set(states.map(\.id))
            let south: Set = [PostgresStoreFixture.south, PostgresStoreFixture.id(501)]
            #expect(try await scan(nil) == all)
            #expect(try await scan(liveOnly: true, nil) == all.subtracting([PostgresStoreFixture.gone]))
            #expect(try await scan(["north"]) == all.subtracting(south))
            #expect(try await scan(["south", "east"]) == south)
            #expect(try await scan([]) == [])
        }
    }

    @Test func aScanReadsSitesAddedSinceItsTableReadThemAll() async throws {
        try await withTable { connection in
            var table = PostgresRecordTable(logger: logger)
            try await table.forEachState(.customer, on: connection) { _ in }
            try await save(states, on: connection)
            var scanned: [UUID: RecordState] = [:]
            for entity in EntityType.allCases {
                try await table.forEachState(entity, on: connection) { scanned[$0.id] = $0 }
            }
            #expect(scanned == Dictionary(uniqueKeysWithValues: states.map { ($0.id, $0) }))
        }
    }

    @Test func anIntegerFieldHoldingTextIsRefused() async throws {
        try await withTable { connection in
            var interaction = try #require(states.first { $0.entity == .interaction })
            interaction.fields["sentiment"]?.value = .text("very")
            var table = PostgresRecordTable(logger: logger)
            let error = try #require(await #expect(throws: StoreError.self) { try await table.save([interaction], on: connection) })
            #expect(error.kind == .invalid)
            #expect(error.message == "interaction \(interaction.id.lowercasedText): sentiment must be an integer, got \"very\"")
        }
    }
}
