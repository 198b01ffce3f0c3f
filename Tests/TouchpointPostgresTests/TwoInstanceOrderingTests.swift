import Foundation
import Synchronization
import Testing
import TouchpointModel
import TouchpointPostgres
import TouchpointPostgresTesting
import TouchpointProtocol
import TouchpointServer

/// The change feed with several server instances on one database: a pull must
/// never skip a change whose transaction commits after a higher-numbered one
/// became visible. Two store instances (two connection pools, as two
/// `touchpoint-server` processes have), many pushers committing at once through
/// both, pullers reading through both while they push: every puller sees every
/// change exactly once, in order.
@Suite(.enabled(if: PostgresTestDatabase.isConfigured, PostgresTestDatabase.skipped))
struct TwoInstanceOrderingTests {
    static let pushers = 8
    static let batches = 12
    static let perBatch = 3
    static let pullers = 4

    @Test func everyPullerSeesEveryChangeOnceInOrderWhileTwoInstancesCommitAtOnce() async throws {
        try await PostgresTestDatabase.withFreshDatabase { database in
            let instances = [
                try await PostgresServerStore.open(database, logger: PostgresTestDatabase.logger),
                try await PostgresServerStore.open(database, logger: PostgresTestDatabase.logger),
            ]
            let services = instances.map { SyncService(store: $0) }
            var pushers: [Principal] = []
            for index in 0..<Self.pushers {
                pushers.append(try await Self.session(role: .agent, name: "pusher-\(index)", through: services[index % 2]))
            }
            var pullers: [Principal] = []
            for index in 0..<Self.pullers {
                pullers.append(try await Self.session(role: .admin, name: "puller-\(index)", through: services[index % 2]))
            }
            let pushing = PushersLeft(Self.pushers)
            let seen = try await withThrowingTaskGroup(of: [UInt64]?.self) { group in
                for (index, principal) in pushers.enumerated() {
                    group.addTask {
                        defer { pushing.finishOne() }
                        for batch in 0..<Self.batches {
                            let entries = try (0..<Self.perBatch).map { offset in
                                SequencedChange(
                                    sequence: UInt64(batch * Self.perBatch + offset + 1),
                                    change: try Self.newCustomer(by: principal))
                            }
                            // Each batch through the other instance than the one before.
                            let ack = try await services[(index + batch) % 2].push(entries, from: principal)
                            #expect(ack.applied == Self.perBatch && ack.rejected.isEmpty)
                        }
                        return nil
                    }
                }
                for (index, principal) in pullers.enumerated() {
                    group.addTask {
                        var sequences: [UInt64] = []
                        var cursor: UInt64 = 0
                        var pull = index
                        while true {
                            let finished = pushing.allFinished
                            let page = try await services[pull % 2].pull(after: cursor, limit: 7, for: principal)
                            pull += 1
                            sequences += page.changes.map(\.sequence)
                            cursor = page.nextCursor
                            // Done once a pull that began after the last push reached the head.
                            if finished, !page.hasMore, cursor >= page.sequenceHead { return sequences }
                        }
                    }
                }
                var seen: [[UInt64]] = []
                for try await sequences in group { if let sequences { seen.append(sequences) } }
                return seen
            }
            let logged = try await instances[0].changes(after: 0, limit: 100_000).map(\.sequence)
            #expect(logged.count == Self.pushers * Self.batches * Self.perBatch)
            #expect(logged == logged.sorted() && Set(logged).count == logged.count)
            for sequences in seen {
                #expect(sequences == logged, "a puller saw \(sequences.count) of \(logged.count) changes, in this order: \(sequences)")
            }
            for instance in instances { await instance.shutdown() }
        }
    }

    /// An agent (or admin) registered through `service`'s store, in a session of its own site.
    static func session(role: AgentRole, name: String, through service: SyncService) async throws -> Principal {
        let agent = try Agent(name: name, territories: ["north"], role: role)
        let token = try await service.store.addAgent(agent, now: Date())
        return try await service.authenticate(token: token, site: SiteID.random(), protocolVersion: 1)
    }

    /// A change creating a new north customer, versioned by the session's site.
    static func newCustomer(by principal: Principal) throws -> Change {
        let customer = try Customer(name: "Customer \(UUID().uuidString.prefix(8))", territory: "north")
        let version = FieldVersion(hlc: HLC(physical: HLC.milliseconds(Date()), logical: 0), site: principal.site)
        return Change(entity: .customer, id: customer.id, fields: customer.fields.keys.sorted().map {
            FieldChange(name: $0, value: customer.fields[$0]!, version: version)
        })
    }
}

/// How many pushers are still pushing, shared by the test's tasks.
final class PushersLeft: Sendable {
    private let count: Mutex<Int>

    init(_ count: Int) { self.count = Mutex(count) }

    func finishOne() { count.withLock { $0 -= 1 } }

    var allFinished: Bool { count.withLock { $0 == 0 } }
}
