import GRDB
import Logging
import Testing
import TouchpointClusterTesting
import TouchpointProtocol
import TouchpointServer

/// The operations endpoint: `/readyz` follows the store, `/healthz` the process.
@Suite struct MetricsServerTests {
    @Test func readinessFollowsTheStore() async throws {
        let store = FlakyStore(try SQLiteServerStore(writer: try DatabaseQueue()))
        let endpoint = try await MetricsServer.bind(host: "127.0.0.1", port: 0, service: SyncService(store: store))
        let serving = Task { try await endpoint.run() }
        defer { serving.cancel() }

        #expect(try await HTTPResponse.get("/readyz", port: endpoint.port).status == 200)
        store.unreachable = true
        let down = try await HTTPResponse.get("/readyz", port: endpoint.port)
        #expect(down.status == 503)
        #expect(down.body.hasPrefix("not ready: ") && down.body.filter(\.isNewline).count == 1, "one line: \(down.body)")
        #expect(try await HTTPResponse.get("/healthz", port: endpoint.port).status == 200, "the process is up all the same")
        store.unreachable = false
        #expect(try await HTTPResponse.get("/readyz", port: endpoint.port).status == 200)
    }

    @Test func eachServerCountsInItsOwnRegistry() async throws {
        let first = ServerMetrics()
        let second = ServerMetrics()
        first.changesRefused(code: .permissionDenied, count: 2)
        let scraped = try PrometheusText(parsing: first.exposition())
        #expect(scraped.value(ServerMetrics.Name.changesRefused, ["code": "PERMISSION_DENIED"]) == 2)
        #expect(try PrometheusText(parsing: second.exposition()).value(ServerMetrics.Name.changesRefused) == nil)
    }

    @Test func queryIsIgnoredAndUnknownPathsAreNotFound() async throws {
        let store = try SQLiteServerStore(writer: try DatabaseQueue())
        let endpoint = try await MetricsServer.bind(host: "127.0.0.1", port: 0, service: SyncService(store: store))
        let serving = Task { try await endpoint.run() }
        defer { serving.cancel() }
        #expect(try await HTTPResponse.get("/metrics?x=1", port: endpoint.port).status == 200)
        #expect(try await HTTPResponse.get("/other", port: endpoint.port).status == 404)
    }

    @Test func aRequestTheStoreFailsIsAStoreError() async throws {
        let sqlite = try SQLiteServerStore(writer: try DatabaseQueue())
        let cluster = try await Cluster(store: sqlite, agents: [["north"]])
        let store = FlakyStore(sqlite)
        let service = SyncService(store: store)
        let responder = RequestResponder(service: service, logger: Logger(label: "test"))
        store.failing = true
        let answer = await responder.respond(
            to: .pull(requestID: 1, afterSequence: 0, limit: 10), from: cluster.agents[0].principal, maxFrameBytes: 1 << 20)
        guard case .error(let error)? = answer?.body else { Issue.record("a pull answered \(answer?.kindName ?? "nothing")"); return }
        #expect(error.code == .unavailable)
        let scraped = try PrometheusText(parsing: service.metrics.exposition())
        #expect(scraped.value(ServerMetrics.Name.storeErrors) == 1)
        #expect(scraped.value(ServerMetrics.Name.pulls) == 1)
        #expect(scraped.value(ServerMetrics.Name.pullLatency + "_count") == 1, "a failed pull is timed too")
    }
}
