import Foundation
import PostgresNIO
import TouchpointModel
import TouchpointProtocol
import TouchpointServer

/// Push and conflict resolution: the rules above storage (``PushRules`` through
/// `decide`, ``ConflictResolutionPlan``) decide; this store reads their context
/// (``pushContext(for:site:sequences:on:)``) and writes their plan
/// (``write(_:pushedBy:now:on:)``), one transaction per batch.
///
/// Several instances write at once, so a batch locks what it decides on: its
/// site's row (one batch of a site at a time), the records it changes (FOR UPDATE)
/// and the customers it places records under (FOR SHARE: a move waits for them, and
/// they for a move). Two batches creating one record race on its key; the loser,
/// like a deadlock's victim, is decided again from what the winner committed.
extension PostgresServerStore {
    /// How many times a batch is decided again after losing a race (a unique key, a deadlock).
    static let raceRetries = 8

    public func push(
        _ entries: [SequencedChange], from principal: Principal, now: Date,
        decide: @escaping @Sendable ([SequencedChange], PushContext) throws -> PushPlan
    ) async throws -> PushAcknowledgement {
        do {
            return try await retryingRaces {
                try await write { [self] connection in
                    try await apply(entries, from: principal, now: now, refusing: [], decide: decide, on: connection)
                }
            }
        } catch let error as PostgresStoreError where Self.isRefusal(error) {
            return try await retryingRaces {
                try await write { [self] connection in
                    try await applyIsolated(entries, from: principal, now: now, decide: decide, on: connection)
                }
            }
        }
    }

    /// The batch again, one entry at a time, each in a savepoint: an entry whose
    /// writes the database refuses (a constraint) is decided again as refused by the store, alone.
    private func applyIsolated(
        _ entries: [SequencedChange], from principal: Principal, now: Date,
        decide: @escaping @Sendable ([SequencedChange], PushContext) throws -> PushPlan, on connection: PostgresConnection
    ) async throws -> PushAcknowledgement {
        var acknowledgement: PushAcknowledgement?
        for entry in entries.sorted(by: { $0.sequence < $1.sequence }) {
            try await connection.query("SAVEPOINT entry", logger: logger)
            var answer: PushAcknowledgement
            do {
                answer = try await apply([entry], from: principal, now: now, refusing: [], decide: decide, on: connection)
                try await connection.query("RELEASE SAVEPOINT entry", logger: logger)
            } catch where Self.isRefusal(storeError(error)) {
                try await connection.query("ROLLBACK TO SAVEPOINT entry", logger: logger)
                answer = try await apply([entry], from: principal, now: now, refusing: [entry.sequence], decide: decide, on: connection)
            }
            if acknowledgement == nil { acknowledgement = answer } else { acknowledgement!.add(answer) }
        }
        return acknowledgement ?? PushAcknowledgement(ackedSequence: 0)
    }

    /// Reads the context of `entries`, decides them and writes the plan, in the caller's transaction.
    private func apply(
        _ entries: [SequencedChange], from principal: Principal, now: Date, refusing: Set<UInt64>,
        decide: ([SequencedChange], PushContext) throws -> PushPlan, on connection: PostgresConnection
    ) async throws -> PushAcknowledgement {
        // Claimed before it is read, so two first batches of one site cannot both take it.
        try await connection.query(
            """
            INSERT INTO push_state (site, agent_id) VALUES (\(principal.site.description), \(principal.agentID.lowercasedText))
            ON CONFLICT (site) DO NOTHING
            """, logger: logger)
        var context = try await pushContext(
            for: entries.map(\.change), site: principal.site, sequences: entries.map(\.sequence), on: connection)
        context.refusedByStore = refusing
        let plan = try decide(entries, context)
        try await write(plan, pushedBy: principal, now: now, on: connection)
        var acknowledgement = plan.acknowledgement
        acknowledgement.sequenceHead = try await Self.head(on: connection, logger: logger)
        return acknowledgement
    }

    /// Runs `body` again when its transaction lost a race another instance won.
    func retryingRaces<Result>(_ body: () async throws -> Result) async throws -> Result {
        var attempt = 0
        while true {
            do {
                return try await body()
            } catch let error as PostgresStoreError where Self.isRace(error) && attempt < Self.raceRetries {
                attempt += 1
                try await Task.sleep(for: .milliseconds(Int.random(in: 1...(5 << min(attempt, 5)))))
            }
        }
    }

    /// The SQLSTATE of a database error, if it is one.
    static func sqlState(_ error: any Error) -> String? {
        ((error as? PostgresStoreError)?.cause as? PSQLError)?.serverInfo?[.sqlState]
    }

    /// A race lost to another transaction: a unique key taken (two batches creating one
    /// record), a serialization failure or a deadlock. Deciding again sees the winner.
    static func isRace(_ error: any Error) -> Bool {
        ["23505", "40001", "40P01"].contains(sqlState(error) ?? "")
    }

    /// The database refusing a value (a constraint or a value it cannot hold), not a race.
    static func isRefusal(_ error: any Error) -> Bool {
        guard let state = sqlState(error), !isRace(error) else { return false }
        return state.hasPrefix("23") || state.hasPrefix("22")
    }
}
