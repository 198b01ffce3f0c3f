import Foundation
import Synchronization
import Testing
import TouchpointClient
import TouchpointClusterTesting
import TouchpointModel
import TouchpointProtocol
import TouchpointServer
import TouchpointStore

/// Garbage collection of the change log: the horizon (every active agent's cursor),
/// compaction below it, purged tombstones and the full resync of stale agents.
extension ServerStoreConformance {
    static let day: TimeInterval = 86_400

    /// A server clock the test moves on (when sessions and pulls are seen).
    final class ServerClock: Sendable {
        private let value: Mutex<Date>
        init(_ start: Date) { value = Mutex(start) }
        var now: Date { value.withLock { $0 } }
        func advance(by interval: TimeInterval) { value.withLock { $0 = $0.addingTimeInterval(interval) } }
    }

    /// An agent that has not pulled a delete keeps the horizon below it: the tombstone
    /// stays until it has, and is purged (row and entries) once every active agent passed it.
    @Test(arguments: StoreKind.available)
    func garbageCollectionNeverDropsATombstoneAnActiveAgentHasNotPulled(kind: StoreKind) async throws {
        try await kind.withCluster(agents: [["north"], ["north"]]) { cluster in
            let (a, b) = (cluster.agents[0], cluster.agents[1])
            let gone = try await cluster.sharedCustomer("Gone")
            _ = try await cluster.sharedCustomer("Kept")
            try a.store.delete(.customer, id: gone.id)
            _ = try await a.sync()
            let deleted = try await cluster.server.head()

            let early = try await cluster.server.collectGarbage(.defaults, now: Date())
            #expect(early.horizon < deleted, "b has not pulled the delete")
            #expect(early.tombstonesPurged == 0)
            #expect(try await cluster.server.record(.customer, id: gone.id)?.isDeleted == true)
            _ = try await b.sync()
            #expect(try b.store.record(Customer.self, id: gone.id) == nil, "b still received the delete")
            // The newest entry always stays (the head never goes back): one more change after the delete.
            _ = try await cluster.sharedCustomer("Later")
            try await Self.expectConverged([a, b])

            let head = try await cluster.server.head()
            let late = try await cluster.server.collectGarbage(.defaults, now: Date())
            #expect(late.horizon == head - 1)
            #expect(late.tombstonesPurged == 1)
            #expect(try await cluster.server.head() == head, "the head never goes back")
            #expect(try await cluster.server.record(.customer, id: gone.id) == nil, "purged once every active agent passed it")
            #expect(try await Self.log(cluster.server).allSatisfy { $0.change.id != gone.id })
            try await Self.expectConverged([a, b])
        }
    }

    /// A history of edits, deletes, a customer moving with its dependents and a case
    /// deleted, compacted: a newcomer of each territory pulls exactly its scope, with
    /// the digest of a newcomer that pulled the whole history before the collection.
    @Test(arguments: StoreKind.available)
    func compactionGivesANewcomerOfEachTerritoryExactlyItsScope(kind: StoreKind) async throws {
        try await kind.withCluster(agents: [["north", "south"], ["north"], ["south"]]) { cluster in
            let (hub, north, south) = (cluster.agents[0], cluster.agents[1], cluster.agents[2])
            let (me, at) = (hub.principal.agentID, Cluster.epoch)
            let anika = try Customer(name: "Anika", territory: "north")
            let bruno = try Customer(name: "Bruno", territory: "south")
            let carmen = try Customer(name: "Carmen", territory: "north")
            let dora = try Customer(name: "Dora", territory: "north")
            let doomed = try SupportCase(customerID: dora.id, subject: "Printer", openedAt: at)
            try hub.store.create([anika, bruno, carmen, dora])
            try hub.store.create([
                try Interaction(
                    customerID: anika.id, agentID: me, occurredAt: at, channel: .phone, touchpoint: "billing", stage: .support,
                    outcome: .resolved),
                try SupportCase(customerID: anika.id, subject: "Router", openedAt: at),
                try Note(customerID: carmen.id, authorAgentID: me, body: "prefers email", createdAt: at), doomed,
            ])
            try await Self.expectConverged([hub, north, south])
            try hub.store.update(Customer.self, id: anika.id) { $0.segment = "enterprise" }
            try north.store.update(Customer.self, id: carmen.id) { $0.segment = "smb" }
            try south.store.update(Customer.self, id: bruno.id) { $0.segment = "mid" }
            try hub.store.delete(.supportCase, id: doomed.id)
            try await Self.expectConverged([hub, north, south])
            try north.store.delete(.customer, id: dora.id)
            try hub.store.update(Customer.self, id: anika.id) { $0.territory = "south" }
            try await Self.expectConverged([hub, north, south])
            let scopes = [["north"], ["south"], ["north", "south"]]
            var replayed: [RecordDigest] = []
            for scope in scopes {
                let newcomer = try await cluster.addAgent(name: "history-\(scope.joined(separator: "+"))", territories: scope)
                _ = try await newcomer.sync()
                replayed.append(try newcomer.store.digest())
            }
            let before = try await Self.log(cluster.server).count

            let report = try await cluster.server.collectGarbage(.defaults, now: Date())
            #expect(report.horizon == (try await cluster.server.head()) - 1)
            #expect(report.recordsCompacted > 0 && report.tombstonesPurged == 1, "the deleted case goes, Dora's tombstone stays")
            #expect(try await Self.log(cluster.server).count == before - report.entriesRemoved)
            #expect(try await cluster.server.record(.supportCase, id: doomed.id) == nil)
            #expect(try await cluster.server.record(.customer, id: dora.id)?.isDeleted == true, "a case still refers to Dora")
            for (scope, history) in zip(scopes, replayed) {
                let newcomer = try await cluster.addAgent(name: "new-\(scope.joined(separator: "+"))", territories: scope)
                _ = try await newcomer.sync()
                #expect(try newcomer.store.digest() == (try await newcomer.transport.digest()), "\(scope) has exactly its scope")
                #expect(try newcomer.store.digest() == history, "\(scope) holds what the whole history gave")
            }
        }
    }

    /// An agent silent past the stale horizon, with edits and a new record of its own,
    /// is marked stale while a collection purges a delete it never pulled. Back, it
    /// pushes its work, drops what it held, pulls everything and converges: its work is
    /// everywhere, the purged record is gone from its laptop, and the mark is cleared.
    /// Its edit of the purged record finds nothing to apply to and is a dead letter
    /// (before the purge it would have been a conflict with the delete).
    @Test(arguments: StoreKind.available)
    func aStaleAgentWithUnsyncedWorkResyncsWholeAndLosesNothing(kind: StoreKind) async throws {
        try await kind.withStore { subject in
            let clock = ServerClock(Date())
            let cluster = try await Cluster(store: subject.store, agents: [["north"], ["north"]], clock: { clock.now })
            let (a, b) = (cluster.agents[0], cluster.agents[1])
            let gone = try await cluster.sharedCustomer("Gone")
            let edited = try await cluster.sharedCustomer("Edited")
            try b.store.update(Customer.self, id: edited.id) { $0.segment = "enterprise" }
            try b.store.update(Customer.self, id: gone.id) { $0.segment = "too late" }
            let fresh = try Customer(name: "Fresh", territory: "north")
            try b.store.create(fresh)

            clock.advance(by: 40 * Self.day)
            try a.store.delete(.customer, id: gone.id)
            try a.store.create(try Customer(name: "Later", territory: "north"))
            let active = try await cluster.reconnect(a)
            for _ in 0..<2 { _ = try await active.sync() }
            let report = try await cluster.server.collectGarbage(GarbageCollectionSettings(staleAfter: 30 * Self.day), now: clock.now)
            #expect(report.agentsMarkedStale == [b.principal.agentID.lowercasedText] && report.activeAgents == 1)
            #expect(report.tombstonesPurged == 1)
            #expect(try await cluster.server.agents().first { $0.id == b.principal.agentID }?.stale == true)

            let back = try await cluster.reconnect(b)
            #expect(back.principal.resyncRequired)
            let summary = try await back.sync()
            #expect(summary.fullResync != nil && summary.pushed == 2)
            // Its edit of the record whose delete was purged meets no record: refused, kept as a dead letter.
            let deadLetters = try back.store.deadLetters().map(\.entry.change.id)
            #expect(summary.rejected == 1 && deadLetters == [gone.id])
            #expect(try back.store.record(Customer.self, id: gone.id) == nil, "the purged record left the laptop")
            #expect(try back.store.record(Customer.self, id: edited.id)?.segment == "enterprise")
            #expect(try back.store.record(Customer.self, id: fresh.id) != nil)
            #expect(try back.store.digest() == (try await back.transport.digest()))
            #expect(try await cluster.server.agents().first { $0.id == b.principal.agentID }?.stale == false)

            let again = try await cluster.reconnect(back)
            #expect(!again.principal.resyncRequired, "the resync completed")
            try await Self.expectConverged([active, again])
            #expect(try active.store.record(Customer.self, id: fresh.id) != nil)
            #expect(try active.store.record(Customer.self, id: edited.id)?.segment == "enterprise")
        }
    }

    /// Rounds of creates, edits and deletes with a collection after each: the log holds
    /// one entry per live record once every agent has pulled (and the newest entry).
    @Test(arguments: StoreKind.available)
    func theChangeLogStaysBoundedOverALongRun(kind: StoreKind) async throws {
        try await kind.withCluster(agents: [["north"], ["north"]]) { cluster in
            let (a, b) = (cluster.agents[0], cluster.agents[1])
            var live: [UUID] = []
            for round in 0..<20 {
                let writer = round.isMultiple(of: 2) ? a : b
                let created = try (0..<3).map { try Customer(name: "C\(round)-\($0)", territory: "north") }
                try writer.store.create(created)
                live += created.map(\.id)
                for id in live.suffix(6) { try writer.store.update(Customer.self, id: id) { $0.segment = "round-\(round)" } }
                try writer.store.delete(.customer, id: live.removeFirst())
                for agent in [a, b, a, b] { _ = try await agent.sync() }
                _ = try await cluster.server.collectGarbage(.defaults, now: Date())
                let entries = try await Self.log(cluster.server).count
                // The newest entry stays as it was: its record may keep a second entry, or its tombstone.
                #expect(entries <= live.count + 2, "round \(round): \(entries) entries for \(live.count) live records")
            }
            try await Self.expectConverged([a, b])
        }
    }
}
