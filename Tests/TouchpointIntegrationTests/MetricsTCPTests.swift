import Foundation
import GRDB
import Testing
import TouchpointClient
import TouchpointClusterTesting
import TouchpointModel
import TouchpointProtocol
import TouchpointServer
import TouchpointStore

/// Issue 13, metrics: a real sync over TCP, one change refused, then `/metrics`
/// scraped over HTTP while a session is open, parsed and checked against what the
/// agents saw; `/healthz` and `/readyz` answer 200.
@Suite struct MetricsTCPTests {
    @Test func scrapeDuringSyncCountsWhatHappened() async throws {
        let live = try await LiveServer.start()
        defer { Task { await live.stop() } }
        let endpoint = try await MetricsServer.bind(host: "127.0.0.1", port: 0, service: live.service)
        let serving = Task { try await endpoint.run() }
        defer { serving.cancel() }

        let hub = try await live.laptop("Hub", territories: ["north", "south"])
        let ada = try await live.laptop("Ada", territories: ["north"])
        let moving = try Customer(name: "Moving", territory: "north")
        try hub.store.create(moving)
        // What each sync sends is the laptop's outbox; what the server refused comes back in the summary.
        var pushed = 0
        var refused = 0
        func sync(_ laptop: Laptop) async throws {
            pushed += try laptop.store.status().outboxDepth
            refused += try await laptop.syncOnce().rejected
        }
        try await sync(hub)
        try await sync(ada)
        // Offline, Ada edits the customer while the hub moves it out of her territory: refused.
        try ada.store.update(Customer.self, id: moving.id) { $0.segment = "enterprise" }
        try ada.store.create(try Customer(name: "Stays", territory: "north"))
        try hub.store.update(Customer.self, id: moving.id) { $0.territory = "south" }
        try await sync(hub)
        try await sync(ada)
        #expect(pushed == 4 && refused == 1)

        // Scraped while Ada holds a session open.
        let scrape = try await SyncConnection.withConnection(to: ada.endpoint, configuration: try ada.configuration) { _ in
            try await HTTPResponse.get("/metrics", port: endpoint.port)
        }
        #expect(scrape.status == 200)
        let metrics = try PrometheusText(parsing: scrape.body)
        typealias Name = ServerMetrics.Name
        let pushes = try #require(metrics.value(Name.pushes))
        #expect(pushes >= 3, "the hub's two pushes and Ada's second at least")
        #expect(metrics.value(Name.changesApplied) == Double(pushed - refused))
        #expect(metrics.value(Name.changesRefused, ["code": "PERMISSION_DENIED"]) == Double(refused))
        #expect(metrics.types[Name.connectionsOpen] == "gauge")
        #expect(try #require(metrics.value(Name.connectionsOpen)) >= 1, "Ada's session is open")
        #expect(metrics.value(Name.sessions, ["role": "agent"]).map { $0 >= 5 } == true)
        #expect(metrics.types[Name.pushLatency] == "histogram")
        #expect(metrics.value(Name.pushLatency + "_count") == pushes)
        #expect(try #require(metrics.value(Name.pulls)) >= 4)
        #expect(try #require(metrics.value(Name.bytesReceived)) > 0)
        #expect(try #require(metrics.value(Name.payloadBytesSent)) > 0)
        let head = try #require(metrics.value(Name.sequenceHead))
        let oldest = try #require(metrics.value(Name.oldestAgentCursor))
        #expect(head >= 3 && oldest <= head)
        #expect(metrics.value(Name.maxAgentLag) == head - oldest)
        #expect(metrics.value(Name.hellosFailed) == 0)

        let agents = [hub.agentID, ada.agentID].map(\.lowercasedText) + ["Hub", "Ada"]
        for sample in metrics.samples {
            for value in sample.labels.values {
                #expect(!agents.contains { value.lowercased().contains($0.lowercased()) }, "\(sample.name) has an agent in a label")
            }
        }

        let health = try await HTTPResponse.get("/healthz", port: endpoint.port)
        #expect(health.status == 200 && health.body == "ok\n")
        #expect(try await HTTPResponse.get("/readyz", port: endpoint.port).status == 200)
    }

    @Test func serveExitsWhenTheMetricsAddressIsTaken() async throws {
        let fixture = try ServerProcessFixture("metrics-taken")
        defer { fixture.tearDown() }
        let taken = try await MetricsServer.bind(
            host: "127.0.0.1", port: 0, service: SyncService(store: try SQLiteServerStore(writer: try DatabaseQueue())))
        let holding = Task { try await taken.run() }
        defer { holding.cancel() }
        let (output, status) = try ServerProcess.run(
            ["serve", "--data", fixture.root, "--listen", "127.0.0.1:0", "--metrics", "127.0.0.1:\(taken.port)"])
        #expect(status != 0)
        #expect(output.contains("listening on") && !output.contains("metrics on"))
    }

    @Test func connectionsOverTheCapAreCounted() async throws {
        var network = SyncServer.Configuration.defaults
        network.maxConnections = 1
        let live = try await LiveServer.start(network: network)
        defer { Task { await live.stop() } }
        let ada = try await live.laptop("Ada", territories: ["north"])
        await #expect(throws: ProtocolError.self) {
            try await SyncConnection.withConnection(to: ada.endpoint, configuration: try ada.configuration) { _ in
                try await ada.sync()
            }
        }
        #expect(try PrometheusText(parsing: live.service.metrics.exposition()).value(ServerMetrics.Name.connectionsRefused) == 1)
    }

    @Test func failedHellosAreCounted() async throws {
        let live = try await LiveServer.start()
        defer { Task { await live.stop() } }
        let ada = try await live.laptop("Ada", territories: ["north"])
        let impostor = Laptop(store: ada.store, agentID: ada.agentID, token: "tp_not-a-token", endpoint: ada.endpoint)
        await #expect(throws: ProtocolError.self) { try await impostor.sync() }
        #expect(try PrometheusText(parsing: live.service.metrics.exposition()).value(ServerMetrics.Name.hellosFailed) == 1)
    }
}
