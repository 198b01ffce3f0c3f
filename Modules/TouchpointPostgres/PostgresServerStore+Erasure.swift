import Foundation
import PostgresNIO
import TouchpointModel
import TouchpointProtocol
import TouchpointRecords
import TouchpointServer

extension PostgresServerStore {
    /// The customer is locked for update first: every push touching a record about it
    /// reads it with a share lock, so no push slips a personal value in between.
    public func eraseCustomer(_ id: UUID, by admin: UUID, now: Date) async throws -> ErasureReport {
        try await retryingRaces {
            try await write { [self] connection in
                let serverID = try await clock(on: connection).site
                let context = try await pushContext(for: [], site: serverID, sequences: [], wholeCustomers: [id], on: connection)
                var loggedIn = Set<String>()
                let territories = try await connection.query(
                    """
                    SELECT DISTINCT territory FROM changes
                    WHERE entity_id = ANY(\(CustomerErasure.ids(about: id, in: context).sorted()))
                    """, logger: logger)
                for try await territory in territories.decode(String.self) { loggedIn.insert(territory) }
                let erasure = try CustomerErasure(of: id, by: admin, now: now, context: context, loggedIn: loggedIn)
                try await write(erasure.plan, pushedBy: nil, now: now, on: connection)
                let head = try await Self.head(on: connection, logger: logger)
                let logEntries = try await scrubLog(erasure, on: connection)
                // Pull pages cached before now, by any instance, may hold what was scrubbed: they are read again.
                if logEntries > 0 { try await logRewritten(through: head, on: connection) }
                let conflicts = try await scrubConflicts(erasure, on: connection)
                let messages = try await scrubMessages(erasure, on: connection)
                return erasure.report(logEntries: logEntries, conflicts: conflicts, messages: messages, sequence: head, now: now)
            }
        }
    }

    /// Rewrites the change-log entries of the erased records without their personal values.
    private func scrubLog(_ erasure: CustomerErasure, on connection: PostgresConnection) async throws -> Int {
        var scrubbed: [(Int64, ByteBuffer)] = []
        let rows = try await connection.query(
            "SELECT seq, record FROM changes WHERE entity_id = ANY(\(erasure.ids.sorted()))", logger: logger)
        for try await (seq, record) in rows.decode((Int64, Data).self) {
            guard let change = CustomerErasure.scrubbed(try Change(recordBytes: record)) else { continue }
            scrubbed.append((seq, ByteBuffer(bytes: try change.recordBytes())))
        }
        guard !scrubbed.isEmpty else { return 0 }
        try await connection.query(
            """
            UPDATE changes SET record = s.record
            FROM unnest(\(scrubbed.map(\.0)), \(scrubbed.map(\.1))) AS s (seq, record) WHERE changes.seq = s.seq
            """, logger: logger)
        return scrubbed.count
    }

    /// Rewrites the conflict records of the erased records without their personal values.
    private func scrubConflicts(_ erasure: CustomerErasure, on connection: PostgresConnection) async throws -> Int {
        var scrubbed: [(id: Int64, winner: String, loser: String)] = []
        let rows = try await connection.query(
            "SELECT \(unescaped: Self.conflictColumns) FROM conflicts WHERE entity_id = ANY(\(erasure.ids.sorted()))", logger: logger)
        for try await row in rows {
            let record = try conflict(row)
            let winner = CustomerErasure.scrubbed(record.winner.state, entity: record.entity, field: record.field)
            let loser = CustomerErasure.scrubbed(record.loser.state, entity: record.entity, field: record.field)
            guard winner != nil || loser != nil else { continue }
            scrubbed.append((
                record.id, String(decoding: try encoder.encode(winner ?? record.winner.state), as: UTF8.self),
                String(decoding: try encoder.encode(loser ?? record.loser.state), as: UTF8.self)
            ))
        }
        guard !scrubbed.isEmpty else { return 0 }
        try await connection.query(
            """
            UPDATE conflicts SET winner = s.winner, loser = s.loser
            FROM unnest(\(scrubbed.map(\.id)), \(scrubbed.map(\.winner)), \(scrubbed.map(\.loser))) AS s (id, winner, loser)
            WHERE conflicts.id = s.id
            """, logger: logger)
        return scrubbed.count
    }

    /// Replaces remembered refusals and sync errors that name an erased record (they may quote a personal value).
    private func scrubMessages(_ erasure: CustomerErasure, on connection: PostgresConnection) async throws -> Int {
        var refusals: [(site: String, seq: Int64)] = []
        let logged = try await connection.query("SELECT site, seq, message FROM push_log WHERE message IS NOT NULL", logger: logger)
        for try await (site, seq, message) in logged.decode((String, Int64, String).self) where erasure.scrubbed(message: message) != nil {
            refusals.append((site, seq))
        }
        var agents: [String] = []
        let errors = try await connection.query(
            "SELECT agent_id, last_error FROM sync_state WHERE last_error IS NOT NULL", logger: logger)
        for try await (agent, message) in errors.decode((String, String).self) where erasure.scrubbed(message: message) != nil {
            agents.append(agent)
        }
        let replacement = CustomerErasure.erasedMessage
        if !refusals.isEmpty {
            try await connection.query(
                """
                UPDATE push_log SET message = \(replacement)
                FROM unnest(\(refusals.map(\.site)), \(refusals.map(\.seq))) AS s (site, seq)
                WHERE push_log.site = s.site AND push_log.seq = s.seq
                """, logger: logger)
        }
        if !agents.isEmpty {
            try await connection.query(
                "UPDATE sync_state SET last_error = \(replacement) WHERE agent_id = ANY(\(agents))", logger: logger)
        }
        return refusals.count + agents.count
    }
}
