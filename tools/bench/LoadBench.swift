import Foundation
import TouchpointClient
import TouchpointModel
import TouchpointProtocol
import TouchpointServer

/// `touchpoint-bench load`: the real `touchpoint-server` (a child process, so its CPU and memory are its own)
/// and N lightweight protocol clients in this process. Every agent pushes its share of its territory's
/// customers, then pulls until it holds every record of its territory that others wrote.
///
/// Prints time to convergence, push latency (p50, p99), the server's CPU per delivered record and its peak RSS.
enum LoadBench {
    struct Options {
        var agents = 200
        var territories = 20
        /// Records written in each territory (spread over its agents).
        var records = 1000

        init(agents: Int = 200, territories: Int = 20, records: Int = 1000) {
            (self.agents, self.territories, self.records) = (agents, territories, records)
        }

        init(_ arguments: [String]) {
            agents = Bench.option("--agents", in: arguments).flatMap(Int.init) ?? agents
            territories = max(1, min(agents, Bench.option("--territories", in: arguments).flatMap(Int.init) ?? territories))
            records = Bench.option("--records", in: arguments).flatMap(Int.init) ?? records
        }
    }

    /// One simulated laptop: its identity, its territory and the customers it writes.
    struct Peer: Sendable {
        let configuration: ClientSessionConfiguration
        let territory: Int
        let changes: [SequencedChange]
        /// Records of its territory written by others: what it must receive.
        var expected = 0
    }

    /// What one peer measured.
    struct PeerResult: Sendable {
        var pushLatencies: [Double] = []
        var delivered = 0
    }

    static func run(_ options: Options) async throws -> LoadFigures {
        let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("touchpoint-load-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let data = directory.appendingPathComponent("server").path

        // Setup (not timed): the server's store with every agent, and each peer's changes.
        var peers: [Peer] = []
        do {
            let store = try SQLiteServerStore(directory: data)
            for index in 0..<options.agents {
                let territory = index % options.territories
                let agent = try Agent(name: "load-\(index)", territories: ["t\(territory)"])
                let token = try await store.addAgent(agent, now: Date())
                let site = SiteID.random()
                let share = share(of: options.records, index: index / options.territories, among: peersIn(territory, options))
                let changes = try (0..<share).map { n in
                    SequencedChange(sequence: UInt64(n + 1), change: try SyntheticChange.customer(n, territory: "t\(territory)", site: site, agent: agent.id))
                }
                peers.append(Peer(configuration: ClientSessionConfiguration(siteID: site, agentID: agent.id, token: token),
                    territory: territory, changes: changes))
            }
        }
        for index in peers.indices {
            let territory = peers[index].territory
            peers[index].expected = options.records - peers[index].changes.count
            precondition(peers.filter { $0.territory == territory }.map(\.changes.count).reduce(0, +) == options.records)
        }

        let server = try ServerChild(data: data)
        defer { server.stop() }
        let cpuBefore = server.cpuSeconds()
        let start = ContinuousClock.now
        let endpoint = server.endpoint
        let results = try await withThrowingTaskGroup(of: PeerResult.self) { group in
            for peer in peers { group.addTask { try await sync(peer, endpoint: endpoint) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let seconds = ImportBench.seconds(since: start)
        let cpu = server.cpuSeconds() - cpuBefore
        let latencies = results.flatMap(\.pushLatencies).sorted()
        let delivered = results.map(\.delivered).reduce(0, +)
        precondition(delivered == peers.map(\.expected).reduce(0, +), "some agent missed records")

        let figures = LoadFigures(
            agents: options.agents, territories: options.territories, recordsPerTerritory: options.records,
            convergenceSeconds: seconds, pushBatches: latencies.count, pushLatencyP50Milliseconds: percentile(latencies, 0.5) * 1000,
            pushLatencyP99Milliseconds: percentile(latencies, 0.99) * 1000, serverCPUSeconds: cpu, deliveredRecords: delivered,
            pushedRecords: options.records * options.territories,
            serverCPUMicrosecondsPerDeliveredRecord: cpu / Double(max(delivered, 1)) * 1e6,
            serverPeakRSSKilobytes: server.peakRSSKilobytes())
        print("touchpoint-bench load: \(options.agents) agents in \(options.territories) territories × \(options.records) records, real server, TCP on loopback")
        print(String(format: "converged      : %.2f s (every agent holds every record of its territory)", seconds))
        print(String(format: "push latency   : p50 %.1f ms, p99 %.1f ms (%d batches)", figures.pushLatencyP50Milliseconds, figures.pushLatencyP99Milliseconds, latencies.count))
        print(String(format: "server CPU     : %.2f s, %.1f µs per delivered record (%d delivered, %d pushed)",
            cpu, figures.serverCPUMicrosecondsPerDeliveredRecord, delivered, figures.pushedRecords))
        print(String(format: "server peak RSS: %.0f MB", Double(figures.serverPeakRSSKilobytes) / 1024))
        return figures
    }

    /// Pushes every change of `peer` in batches, then pulls until it has received what others wrote.
    static func sync(_ peer: Peer, endpoint: Endpoint) async throws -> PeerResult {
        try await SyncConnection.withConnection(to: endpoint, configuration: peer.configuration) { connection in
            var result = PeerResult()
            let batch = connection.limits.maxBatchChanges
            for first in stride(from: 0, to: peer.changes.count, by: batch) {
                let clock = ContinuousClock.now
                let ack = try await connection.push(Array(peer.changes[first..<min(first + batch, peer.changes.count)]))
                result.pushLatencies.append(ImportBench.seconds(since: clock))
                precondition(ack.rejected.isEmpty, "the server refused load changes: \(ack.rejected)")
            }
            var cursor: UInt64 = 0
            while result.delivered < peer.expected {
                let page = try await connection.pull(after: cursor, limit: connection.limits.maxPageChanges)
                result.delivered += page.changes.count
                cursor = page.nextCursor
                if !page.hasMore, result.delivered < peer.expected { try await Task.sleep(for: .milliseconds(20)) }
            }
            return result
        }
    }

    static func peersIn(_ territory: Int, _ options: Options) -> Int {
        options.agents / options.territories + (territory < options.agents % options.territories ? 1 : 0)
    }

    /// The records the `index`-th of `count` agents of a territory writes.
    static func share(of records: Int, index: Int, among count: Int) -> Int {
        records / count + (index < records % count ? 1 : 0)
    }

    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
    }
}
