import Foundation
import PropertyBased
import Testing
import TouchpointClient
import TouchpointClusterTesting
import TouchpointModel
import TouchpointProtocol
import TouchpointServer
import TouchpointStore

/// Erasure under random schedules: three laptops (two in north, one covering north and
/// south) record personal data, edit, delete and move customers, while an admin erases
/// customers at random points and syncs lose requests and acknowledgements or deliver
/// twice. At the end every replica converges, and no personal value of an erased
/// customer is left on the server (records, change log, conflicts) or on any laptop
/// (records, queued changes, dead letters).
@Suite struct ErasureScheduleTests {
    @Test func erasedCustomersLeaveNoPersonalDataUnderRandomSchedules() async throws {
        await propertyCheck(count: 20, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            try await run(seed: seed)
        }
    }

    /// Every personal value this test writes starts with it.
    static let marker = "pii-"

    func run(seed: UInt64) async throws {
        var rng = SeededRandom(seed: seed)
        let cluster = try await Cluster(agents: [["north"], ["north"], ["north", "south"]])
        let flaky = cluster.agents.enumerated().map { FlakyTransport($0.element.transport, seed: seed &+ UInt64($0.offset)) }
        var customers: [UUID] = []
        var erased: Set<UUID> = []
        func pick() -> UUID? { customers.isEmpty ? nil : customers[Int(rng.next() % UInt64(customers.count))] }

        for step in 0..<50 {
            let index = Int(rng.next() % 3)
            let agent = cluster.agents[index]
            switch rng.next() % 9 {
            case 0, 1:
                let c = try Customer(
                    name: "\(Self.marker)name-\(step)", email: "\(Self.marker)\(step)@example.com", territory: "north",
                    tags: ["\(Self.marker)tag"])
                try agent.store.create(c)
                customers.append(c.id)
            case 2:
                guard let id = pick() else { continue }
                _ = try? agent.store.update(Customer.self, id: id) { $0.phone = "\(Self.marker)phone-\(step)"; $0.segment = "s\(step)" }
            case 3:
                guard let id = pick() else { continue }
                _ = try? agent.store.create(try Note(
                    customerID: id, authorAgentID: agent.principal.agentID, body: "\(Self.marker)note-\(step)", createdAt: Cluster.epoch))
            case 4:
                guard let id = pick() else { continue }
                try? agent.store.delete(.customer, id: id)
            case 5:
                guard let id = pick(), index == 2 else { continue }
                _ = try? agent.store.update(Customer.self, id: id) { $0.territory = $0.territory == "north" ? "south" : "north" }
            case 6:
                guard let id = pick(), (try? await cluster.server.record(.customer, id: id)) != nil else { continue }
                _ = try await cluster.server.eraseCustomer(id, by: UUID(), now: Date())
                erased.insert(id)
            default:
                _ = try? await agent.engine.sync(over: flaky[index])
            }
        }
        for _ in 0..<2 {
            for agent in cluster.agents { _ = try await agent.sync() }
        }

        for agent in cluster.agents {
            let scope = agent.principal.territories
            #expect(try agent.store.digest() == (try await cluster.server.digest(territories: scope)), "seed \(seed)")
            #expect(try agent.store.outboxDepth() == 0, "seed \(seed)")
        }
        let about = try await recordsAbout(erased, cluster)
        var leaks: [String] = []
        for (entity, id) in about {
            leaks += texts(try await cluster.server.record(entity, id: id)?.fields.values.map(\.value) ?? []).map { "server record \(entity) \(id): \($0)" }
            for agent in cluster.agents { leaks += texts(try agent.store.state(entity, id: id)?.fields.values.map(\.value) ?? []).map { "\(agent.principal.name) record \(entity) \(id): \($0)" } }
        }
        let ids = Set(about.map(\.1))
        for logged in try await cluster.server.changes(after: 0, limit: 100_000) where ids.contains(logged.change.id) {
            leaks += texts(logged.change.fields.map(\.value)).map { "log \(logged.sequence) \(logged.change.entity) \(logged.change.id): \($0)" }
        }
        var filter = ConflictFilter()
        filter.limit = 10_000
        for conflict in try await cluster.server.conflicts(filter) where ids.contains(conflict.entityID) {
            leaks += texts([conflict.winner.value, conflict.loser.value]).map { "conflict \(conflict.id) \(conflict.field): \($0)" }
        }
        for agent in cluster.agents {
            leaks += texts(try agent.store.outbox().filter { ids.contains($0.change.id) }.flatMap { $0.change.fields.map(\.value) }).map { "\(agent.principal.name) outbox: \($0)" }
            leaks += texts(
                try agent.store.deadLetters().filter { ids.contains($0.entry.change.id) }.flatMap { $0.entry.change.fields.map(\.value) }).map { "\(agent.principal.name) dead letter: \($0)" }
        }
        #expect(leaks.isEmpty, "seed \(seed): \(erased.count) erased, left: \(leaks)")
    }

    /// The erased customers and every record the server holds about them.
    func recordsAbout(_ customers: Set<UUID>, _ cluster: Cluster) async throws -> [(EntityType, UUID)] {
        var about = customers.map { (EntityType.customer, $0) }
        for logged in try await cluster.server.changes(after: 0, limit: 100_000) where logged.change.entity != .customer {
            guard let state = try await cluster.server.record(logged.change.entity, id: logged.change.id),
                let customer = Erasure.customerID(of: state), customers.contains(customer)
            else { continue }
            about.append((logged.change.entity, logged.change.id))
        }
        return about
    }

    func texts(_ values: [FieldValue]) -> [String] {
        values.compactMap(\.text).filter { $0.hasPrefix(Self.marker) }
    }
}
