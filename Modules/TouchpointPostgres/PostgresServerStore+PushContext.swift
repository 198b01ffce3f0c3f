import Foundation
import PostgresNIO
import TouchpointModel
import TouchpointProtocol
import TouchpointRecords
import TouchpointServer

extension PostgresServerStore {
    /// Reads what the push rules need to decide `changes` pushed by `site` (``PushContext``),
    /// one query per entity, locking what the batch decides on (see ``push(_:from:now:decide:)``).
    ///
    /// `wholeCustomers`: customers to read (locked for update) with every record about them,
    /// whatever the changes (an erasure decides on all of them).
    func pushContext(
        for changes: [Change], site: SiteID, sequences: [UInt64], wholeCustomers: Set<UUID> = [], on connection: PostgresConnection
    ) async throws -> PushContext {
        var owner: UUID?
        var acknowledged: UInt64 = 0
        let state = try await connection.query(
            "SELECT agent_id, last_seq FROM push_state WHERE site = \(site.description) FOR UPDATE", logger: logger)
        for try await (agent, last) in state.decode((String, Int64).self) {
            owner = UUID(text: agent)
            acknowledged = UInt64(last)
        }
        var context = PushContext(site: site, owner: owner, acknowledged: acknowledged, clock: try await clock(on: connection))
        let replayed = sequences.filter { $0 <= acknowledged }.map { Int64(clamping: $0) }
        if !replayed.isEmpty {
            let rows = try await connection.query(
                "SELECT seq, fingerprint, code, message FROM push_log WHERE site = \(site.description) AND seq = ANY(\(replayed))",
                logger: logger)
            for try await (seq, fingerprint, code, message) in rows.decode((Int64, Int64, Int?, String?).self) {
                let sequence = UInt64(seq)
                let refusal = code.map {
                    Rejection(sequence: sequence, code: ProtocolError.Code(rawValue: $0) ?? .invalidArgument, message: message ?? "")
                }
                context.remembered[sequence] = PushContext.RememberedPush(fingerprint: fingerprint, refusal: refusal)
            }
        }
        var table = PostgresRecordTable(logger: logger)
        for entity in EntityType.allCases {
            guard let ids = PushContext.recordsToRead(changes)[entity] else { continue }
            context.add(try await table.load(entity, ids, locking: .update, on: connection).values)
        }
        if !wholeCustomers.isEmpty {
            context.add(try await table.load(.customer, wholeCustomers, locking: .update, on: connection).values)
        }
        let customers = context.customersToRead(changes)
        if !customers.isEmpty { context.add(try await table.load(.customer, customers, locking: .share, on: connection).values) }
        let moving = context.movingCustomers(changes).union(wholeCustomers).map(\.lowercasedText)
        if !moving.isEmpty {
            for entity in EntityType.allCases where entity != .customer {
                try await table.forEachState(entity, customers: moving, on: connection) { context.add([$0]) }
            }
        }
        let feedback = PushContext.feedbackIDs(changes).map(\.lowercasedText)
        if !feedback.isEmpty {
            let rows = try await connection.query(
                "SELECT source_feedback_id FROM follow_ups WHERE source_feedback_id = ANY(\(feedback))", logger: logger)
            for try await id in rows.decode(String.self) { if let id = UUID(text: id) { context.followedUp.insert(id) } }
        }
        return context
    }

    /// The server clock as stored (its site is the server id).
    func clock(on connection: PostgresConnection) async throws -> HybridLogicalClock {
        let meta = try await Self.meta(on: connection, logger: logger)
        guard let text = meta["server_id"], let site = SiteID(text) else {
            throw StoreError(kind: .corrupt, message: "server database has no server id")
        }
        let last = meta["hlc_last"].flatMap(UInt64.init).map(HLC.init(rawValue:)) ?? .zero
        return HybridLogicalClock(site: site, last: last)
    }
}
