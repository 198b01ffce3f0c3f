import Foundation
import GRDB
import Testing
import TouchpointClusterTesting
import TouchpointModel
import TouchpointProtocol
import TouchpointServer
import TouchpointClient
import TouchpointStore

/// Pull pages are read once per scope and shared; a shared page never hides a
/// change, never repeats one and never crosses a scope.
@Suite struct SharedPagesTests {
    /// `count` customers created by `agent` and pushed.
    private func push(_ count: Int, by agent: Cluster.FieldAgent, territory: String = "north") async throws {
        for index in 0..<count {
            try agent.store.create(try Customer(name: "c\(index)", territory: territory))
        }
        _ = try await agent.sync()
    }

    /// Every page after `cursor` until caught up, as the puller sees it.
    private func drain(_ cluster: Cluster, _ puller: Principal, from cursor: UInt64 = 0, limit: Int = 1000) async throws -> [UInt64] {
        var cursor = cursor
        var seen: [UInt64] = []
        while true {
            let page = try await cluster.service.pull(after: cursor, limit: limit, for: puller)
            seen += page.changes.map(\.sequence)
            cursor = page.nextCursor
            if !page.hasMore { return seen }
        }
    }

    /// A page read before a garbage collection is not served again to a pull below the
    /// collection's horizon: it may hold a record whose delete the collection purged.
    @Test func aPageReadBeforeACollectionIsReadAgainBelowItsHorizon() async throws {
        // The writer covers two territories: its own pulls read pages of another scope than north's.
        let cluster = try await Cluster(agents: [["north", "south"]], limits: ProtocolLimits(maxPageChanges: 2))
        let writer = cluster.agents[0]
        let gone = try Customer(name: "Gone", territory: "north")
        try writer.store.create([gone, try Customer(name: "Kept", territory: "north")])
        _ = try await writer.sync()
        try writer.store.delete(.customer, id: gone.id)
        try writer.store.create(try Customer(name: "Later", territory: "north"))
        for _ in 0..<2 { _ = try await writer.sync() }
        // An agent reads the first page (Gone's creation), then is revoked: it no longer holds the horizon back.
        let early = try await cluster.addAgent(name: "early", territories: ["north"])
        #expect(try await cluster.service.pull(after: 0, limit: 2, for: early.principal).changes.map(\.change.id).contains(gone.id))
        try await cluster.server.revokeAgent(early.principal.agentID, now: Date())
        #expect(try await cluster.server.collectGarbage(.defaults, now: Date()).tombstonesPurged == 1)

        let newcomer = try await cluster.addAgent(name: "newcomer", territories: ["north"])
        _ = try await newcomer.sync()
        #expect(try newcomer.store.record(Customer.self, id: gone.id) == nil, "Gone's creation was not served from the old page")
        #expect(try newcomer.store.digest() == (try await newcomer.transport.digest()))
    }

    @Test func agentsOfOneTerritoryShareOneReadOfEachPage() async throws {
        let cluster = try await Cluster(agents: [["north"]], limits: ProtocolLimits(maxPageChanges: 4))
        try await push(10, by: cluster.agents[0])  // its sync reads the pages (and leaves out its own ten)
        let reads = cluster.service.pages.statistics.reads
        var pullers: [Principal] = []
        for index in 0..<5 { pullers.append(try await cluster.addAgent(name: "p\(index)", territories: ["north"]).principal) }
        for puller in pullers {
            #expect(try await drain(cluster, puller) == Array(1...10))
        }
        // Pages (0,4], (4,8] and (8,10] were read once: five more agents cost no read.
        #expect(cluster.service.pages.statistics.reads == reads)
    }

    @Test func anAgentWhoseCursorIsInsideAPageGetsTheRestAndFallsInStep() async throws {
        let cluster = try await Cluster(agents: [["north"]], limits: ProtocolLimits(maxPageChanges: 4))
        try await push(10, by: cluster.agents[0])
        let first = try await cluster.addAgent(name: "first", territories: ["north"]).principal
        let late = try await cluster.addAgent(name: "late", territories: ["north"]).principal
        #expect(try await drain(cluster, first) == Array(1...10))
        let reads = cluster.service.pages.statistics.reads
        let rest = try await cluster.service.pull(after: 2, limit: 1000, for: late)
        #expect(rest.changes.map(\.sequence) == [3, 4] && rest.nextCursor == 4 && rest.hasMore)
        #expect(try await drain(cluster, late, from: rest.nextCursor) == Array(5...10))
        #expect(cluster.service.pages.statistics.reads == reads, "served from the pages the first agent read")
    }

    @Test func aSharedPageLeavesOutThePullersOwnChangesAndOtherTerritories() async throws {
        let cluster = try await Cluster(agents: [["north"], ["north"], ["south"]], limits: ProtocolLimits(maxPageChanges: 4))
        try await push(3, by: cluster.agents[0])
        try await push(3, by: cluster.agents[1])
        try await push(3, by: cluster.agents[2], territory: "south")
        try await push(3, by: cluster.agents[0])
        let expected = try await cluster.server.scopedChanges(after: 0, limit: 100, territories: ["north"]).entries
        for agent in cluster.agents.prefix(2) {
            let seen = try await drain(cluster, agent.principal)
            #expect(seen == expected.filter { $0.site != agent.principal.site }.map(\.sequenced.sequence))
        }
    }

    @Test func aFailedReadIsNotKeptForTheNextPull() async throws {
        let sqlite = try SQLiteServerStore(writer: try DatabaseQueue())
        let cluster = try await Cluster(store: sqlite, agents: [["north"]], limits: ProtocolLimits(maxPageChanges: 4))
        try await push(3, by: cluster.agents[0])
        let store = FlakyStore(sqlite)
        let pages = SharedPages()
        store.failing = true
        await #expect(throws: ProtocolError.self) {
            try await pages.slice(after: 0, territories: ["south", "north"], pageSize: 4, store: store)
        }
        store.failing = false
        let slice = try await pages.slice(after: 0, territories: ["north", "south"], pageSize: 4, store: store)
        #expect(slice.entries.map(\.sequenced.sequence) == [1, 2, 3], "the store answers again: so does the cache")
    }

    @Test func theCacheKeepsNoMoreEntriesThanItsBound() async throws {
        let pages = SharedPages(maxEntries: 6)
        let cluster = try await Cluster(agents: [["north"]], limits: ProtocolLimits(maxPageChanges: 4))
        try await push(20, by: cluster.agents[0])
        var cursor: UInt64 = 0
        var seen: [UInt64] = []
        while true {
            let slice = try await pages.slice(after: cursor, territories: ["north"], pageSize: 4, store: cluster.server)
            seen += slice.entries.map(\.sequenced.sequence)
            cursor = slice.end
            #expect(pages.statistics.entries <= 6)
            if !slice.full { break }
        }
        #expect(seen == Array(1...20))
    }

    @Test(arguments: [1, 2, 3])
    func pullersRacingPushersSeeEveryChangeOnceAndInOrder(seed: Int) async throws {
        let cluster = try await Cluster(agents: [["north"], ["north"], ["north"], ["south"]], limits: ProtocolLimits(maxPageChanges: 3))
        var pullers: [Principal] = []
        for index in 0..<4 { pullers.append(try await cluster.addAgent(name: "p\(index)", territories: ["north"]).principal) }
        // Pushers and pullers at once; each puller keeps what it saw and its cursor.
        let raced = try await withThrowingTaskGroup(of: (Int, [UInt64], UInt64)?.self) { group in
            for (index, agent) in cluster.agents.enumerated() {
                group.addTask {
                    for round in 0..<(4 + seed) {
                        try await push(1 + (round + index) % 3, by: agent, territory: index == 3 ? "south" : "north")
                    }
                    return nil
                }
            }
            for (index, puller) in pullers.enumerated() {
                group.addTask {
                    var cursor: UInt64 = 0
                    var seen: [UInt64] = []
                    for _ in 0..<(8 + seed * index) {
                        let page = try await cluster.service.pull(after: cursor, limit: 1 + index % 2, for: puller)
                        seen += page.changes.map(\.sequence)
                        cursor = page.nextCursor
                        await Task.yield()
                    }
                    return (index, seen, cursor)
                }
            }
            return try await group.reduce(into: [(Int, [UInt64], UInt64)]()) { if let result = $1 { $0.append(result) } }
        }
        let north = try await cluster.server.scopedChanges(after: 0, limit: 10_000, territories: ["north"]).entries.map(\.sequenced.sequence)
        #expect(north.count == (0..<3).reduce(0) { total, index in total + (0..<(4 + seed)).reduce(0) { $0 + 1 + ($1 + index) % 3 } })
        #expect(raced.count == pullers.count)
        for (index, seen, cursor) in raced {
            let rest = try await drain(cluster, pullers[index], from: cursor, limit: 2)
            #expect(seen + rest == north, "each north change once, in order, nothing from the south")
        }
    }

    @Test func aFullPageEncodedOnceDecodesToWhatEachAgentIsSent() async throws {
        let cluster = try await Cluster(agents: [["north"], ["north"]], limits: ProtocolLimits(maxPageChanges: 4))
        try await push(3, by: cluster.agents[0])
        try await push(1, by: cluster.agents[1])
        try await push(4, by: cluster.agents[0])
        let newcomer = try await cluster.addAgent(name: "new", territories: ["north"]).principal
        for principal in [newcomer, cluster.agents[1].principal] {
            var cursor: UInt64 = 0
            var shared = 0
            while true {
                let served = try await cluster.service.servePull(after: cursor, limit: 4, for: principal)
                if let batch = served.batch {
                    shared += 1
                    #expect(try batch.decodedChanges() == served.page.changes)
                }
                #expect(!served.page.changes.contains { principal == cluster.agents[1].principal && $0.sequence == 4 })
                cursor = served.page.nextCursor
                if !served.page.hasMore { break }
            }
            #expect(shared == 2, "both full pages were sent from their shared encoding")
        }
        // A client whose frames cannot take the whole page gets its own encoding, cut to fit.
        let small = try await cluster.service.servePull(after: 0, limit: 4, maxFrameBytes: 1500, for: newcomer)
        #expect(small.batch == nil && !small.page.changes.isEmpty && small.page.changes.count < 4)
    }
}

/// Counts the pulls a sync makes.
private final class CountingTransport: SyncTransport, @unchecked Sendable {
    let inner: InProcessTransport
    var pulls = 0
    init(_ inner: InProcessTransport) { self.inner = inner }
    var limits: ProtocolLimits { inner.limits }
    var territories: [String]? { inner.territories }
    func push(_ entries: [SequencedChange]) async throws -> PushAcknowledgement { try await inner.push(entries) }
    func pull(after cursor: UInt64, limit: Int) async throws -> PulledPage {
        pulls += 1
        return try await inner.pull(after: cursor, limit: limit)
    }
    func digest() async throws -> RecordDigest { try await inner.digest() }
}

@Suite struct OwnChangesPullTests {
    /// A sync after a big push passes the agent's own changes (no echo) in a few pulls:
    /// before, each page of them came back empty with `more`, the agent took it for a
    /// page cut to its frame limit and asked for two changes at a time.
    @Test func anAgentPullsPastItsOwnChangesInAFewPullsNotTwoAtATime() async throws {
        let cluster = try await Cluster(agents: [["north"], ["north"]], limits: ProtocolLimits(maxPageChanges: 5))
        let (writer, reader) = (cluster.agents[0], cluster.agents[1])
        for index in 0..<60 { try writer.store.create(try Customer(name: "c\(index)", territory: "north")) }
        try reader.store.create(try Customer(name: "theirs", territory: "north"))
        _ = try await reader.sync()
        let counting = CountingTransport(writer.transport)
        let summary = try await writer.engine.sync(over: counting)
        #expect(summary.pushed == 60 && summary.pulled == 1)
        // The reader's one change, then the final confirming pull.
        #expect(counting.pulls <= 3, "\(counting.pulls) pulls")
        let page = try await cluster.service.pull(after: 0, limit: 5, for: writer.principal)
        #expect(page.changes.count == 1, "the reader's change")
        let rest = try await cluster.service.pull(after: page.nextCursor, limit: 5, for: writer.principal)
        #expect(rest.changes.isEmpty && !rest.hasMore && rest.nextCursor == 61, "its own changes passed in one pull, not one page each")
    }
}
