import Foundation
import PropertyBased
import Testing
import TouchpointClient
import TouchpointClusterTesting
import TouchpointModel
import TouchpointProtocol
import TouchpointServer
import TouchpointStore

/// A transport that loses requests and answers and delivers some twice.
final class FlakyTransport: SyncTransport, @unchecked Sendable {
    let inner: InProcessTransport
    var rng: SeededRandom
    var limits: ProtocolLimits { inner.limits }

    struct Dropped: Error {}

    init(_ inner: InProcessTransport, seed: UInt64) {
        self.inner = inner
        self.rng = SeededRandom(seed: seed)
    }

    private func roll() -> UInt64 { rng.next() % 10 }

    func push(_ entries: [SequencedChange]) async throws -> PushAcknowledgement {
        switch roll() {
        case 0: throw Dropped()  // request lost
        case 1:
            _ = try await inner.push(entries)
            throw Dropped()  // applied, acknowledgement lost
        case 2:
            _ = try await inner.push(entries)
            return try await inner.push(entries)  // delivered twice
        default: return try await inner.push(entries)
        }
    }

    func pull(after cursor: UInt64, limit: Int) async throws -> PulledPage {
        if roll() == 0 { throw Dropped() }
        return try await inner.pull(after: cursor, limit: limit)
    }

    func digest() async throws -> RecordDigest { try await inner.digest() }
}


@Suite struct RandomScheduleTests {
    /// Random edits on three replicas, random sync order with lost requests, lost
    /// acknowledgements and duplicate deliveries: every replica converges, and every
    /// value ever written is current somewhere or kept in a conflict.
    @Test func replicasConvergeUnderRandomSchedules() async throws {
        await propertyCheck(count: 25, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            try await run(seed: seed)
        }
    }

    func run(seed: UInt64) async throws {
        var rng = SeededRandom(seed: seed)
        let cluster = try await Cluster(agents: [["north"], ["north"], ["north"]])
        let flaky = cluster.agents.enumerated().map { FlakyTransport($0.element.transport, seed: seed &+ UInt64($0.offset)) }
        let seedCustomer = try Customer(name: "Seed", territory: "north")
        try cluster.agents[0].store.create(seedCustomer)
        _ = try await cluster.agents[0].sync()
        var customers = [seedCustomer.id]
        var writes: [FieldChange] = []

        for step in 0..<40 {
            let index = Int(rng.next() % 3)
            let agent = cluster.agents[index]
            switch rng.next() % 6 {
            case 0:
                let c = try Customer(name: "C\(step)", territory: "north")
                try agent.store.create(c)
                customers.append(c.id)
            case 1, 2:
                let id = customers[Int(rng.next() % UInt64(customers.count))]
                if (try? agent.store.update(Customer.self, id: id) { $0.segment = "s\(step)-\(index)" }) != nil,
                    let field = try agent.store.outbox().last?.change.fields.first
                {
                    writes.append(field)
                }
            case 3:
                let id = customers[Int(rng.next() % UInt64(customers.count))]
                try? agent.store.delete(.customer, id: id)
            default:
                _ = try? await agent.engine.sync(over: flaky[index])
            }
        }
        for _ in 0..<2 {
            for agent in cluster.agents { _ = try await agent.sync() }
        }

        let server = try await cluster.server.digest(territories: ["north"])
        for agent in cluster.agents {
            #expect(try agent.store.digest() == server, "seed \(seed)")
            #expect(try agent.store.status().outboxDepth == 0)
            #expect(try agent.store.deadLetters().isEmpty)
        }

        // No lost write: a value is either overwritten by an edit made over it (its
        // author saw it), or current (possibly in a deleted row), or kept in a conflict.
        var filter = ConflictFilter()
        filter.limit = 10_000
        var kept: Set<FieldVersion> = []
        for conflict in try await cluster.server.conflicts(filter) {
            kept.insert(conflict.winner.version)
            kept.insert(conflict.loser.version)
        }
        let seen = Set(writes.compactMap(\.base))
        let current = try await currentSegmentVersions(cluster)
        for write in writes where !seen.contains(write.version) {
            #expect(current.contains(write.version) || kept.contains(write.version), "seed \(seed): lost \(write.value)")
        }
    }

    /// The segment version each customer row ends with on the server, deleted rows included.
    func currentSegmentVersions(_ cluster: Cluster) async throws -> Set<FieldVersion> {
        var latest: [UUID: FieldVersion] = [:]
        for change in try await cluster.server.changes(after: 0, limit: 100_000) {
            for field in change.change.fields where field.name == "segment" {
                latest[change.change.id] = max(latest[change.change.id] ?? field.version, field.version)
            }
        }
        return Set(latest.values)
    }
}
