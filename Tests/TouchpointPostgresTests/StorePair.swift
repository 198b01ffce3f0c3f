import Foundation
import GRDB
import PostgresNIO
import TouchpointModel
import TouchpointPostgres
import TouchpointPostgresTesting
import TouchpointProtocol
import TouchpointRecords
import TouchpointServer

/// The PostgreSQL store on a fresh database and the SQLite store in memory, side by
/// side: a test does the same to both and expects the same answers. Rows the push
/// path would write (changes, conflicts, records) go straight into both databases.
struct StorePair {
    let postgres: PostgresServerStore
    let sqlite: SQLiteServerStore
    /// The PostgreSQL store's database.
    let database: PostgresConfiguration
    /// The SQLite store's database.
    let queue: DatabaseQueue

    /// Both stores, SQLite first.
    var both: [any ServerStore] { [sqlite, postgres] }

    /// Runs `body` with a new pair, and shuts the PostgreSQL store down afterwards.
    static func with(_ body: (StorePair) async throws -> Void) async throws {
        try await PostgresTestDatabase.withFreshDatabase { database in
            let logger = PostgresTestDatabase.logger
            let queue = try DatabaseQueue()
            let pair = StorePair(
                postgres: try await PostgresServerStore.open(database, logger: logger), sqlite: try SQLiteServerStore(writer: queue),
                database: database, queue: queue)
            do {
                try await body(pair)
                await pair.postgres.shutdown()
            } catch {
                await pair.postgres.shutdown()
                throw error
            }
        }
    }

    /// Runs SQL on the PostgreSQL database, outside the store.
    func postgresSQL(_ query: PostgresQuery) async throws {
        try await database.withConnection(logger: PostgresTestDatabase.logger) { connection in
            _ = try await connection.query(query, logger: PostgresTestDatabase.logger)
        }
    }

    /// Writes record states into both stores' record tables, each with its codec.
    func save(_ states: [RecordState]) async throws {
        try await queue.write { db in
            var table = RecordTable()
            for state in states { try table.save(state, db) }
        }
        try await database.withConnection(logger: PostgresTestDatabase.logger) { connection in
            var table = PostgresRecordTable(logger: PostgresTestDatabase.logger)
            try await connection.query("BEGIN", logger: PostgresTestDatabase.logger)
            try await table.save(states, on: connection)
            try await connection.query("COMMIT", logger: PostgresTestDatabase.logger)
        }
    }

    /// Logs `change` at `seq` in both change logs, as a push from `site` would.
    func logChange(_ seq: Int64, _ change: Change, territory: String, site: SiteID) async throws {
        let record = try change.recordBytes()
        let (entity, id) = (change.entity.rawValue, change.id.lowercasedText)
        try await queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO changes (seq, entity, entity_id, territory, site, record, received_at)
                    VALUES (?, ?, ?, ?, ?, ?, 0)
                    """, arguments: [seq, entity, id, territory, site.description, record])
        }
        try await postgresSQL(
            """
            INSERT INTO changes (seq, entity, entity_id, territory, site, record, received_at)
            VALUES (\(seq), \(entity), \(id), \(territory), \(site.description), \(record), 0)
            """)
    }

    /// Adds a conflict to both conflict logs, as a push would detect it; returns nothing
    /// (both logs number conflicts from 1).
    func logConflict(
        _ entity: EntityType, _ id: UUID, field: String, winner: ConflictRecord.Side, loser: ConflictRecord.Side,
        detectedAt: Int64, resolvedAt: Int64? = nil
    ) async throws {
        let encoder = JSONEncoder()
        let (winnerText, loserText) = (
            String(decoding: try encoder.encode(winner.state), as: UTF8.self),
            String(decoding: try encoder.encode(loser.state), as: UTF8.self)
        )
        let (winnerAgent, loserAgent) = (winner.agent?.lowercasedText, loser.agent?.lowercasedText)
        try await queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO conflicts (entity, entity_id, field, winner, loser, winner_agent, loser_agent, detected_at, resolved_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    entity.rawValue, id.lowercasedText, field, winnerText, loserText, winnerAgent, loserAgent, detectedAt, resolvedAt,
                ])
        }
        try await postgresSQL(
            """
            INSERT INTO conflicts (entity, entity_id, field, winner, loser, winner_agent, loser_agent, detected_at, resolved_at)
            VALUES (\(entity.rawValue), \(id.lowercasedText), \(field), \(winnerText), \(loserText), \(winnerAgent), \(loserAgent),
                \(detectedAt), \(resolvedAt))
            """)
    }
}
