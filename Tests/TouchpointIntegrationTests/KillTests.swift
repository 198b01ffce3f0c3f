import Foundation
import Testing
import TouchpointClient
import TouchpointModel
import TouchpointProtocol
import TouchpointStore

@Suite(.serialized) struct KillTests {
    /// The server process is SIGKILLed at random points while an agent pushes and
    /// pulls; after restarts, every change is on the server exactly once and the
    /// agent and server digests agree.
    @Test func serverKilledAtRandomPointsLosesNothing() async throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("tp-kill-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: data) }
        let server = ServerProcess(data: data)
        try server.command(["init"])
        let agentID = UUID()
        let added = try server.command(["agents", "add", "--name", "Ada", "--territory", "north", "--id", agentID.uuidString])
        let token = try #require(added.split(separator: "\n").last?.split(separator: " ").last.map(String.init))
        let store = try AgentStore.inMemory()
        try store.initialize(agentID: agentID, territories: ["north"])
        var rng = SystemRandomNumberGenerator()
        var created = 0
        var kills = 0

        for round in 0..<6 {
            try server.start()
            try store.setMeta(.server, server.endpoint.description)
            try store.setMeta(.token, token)
            var batch: [any SyncRecord] = []
            for i in 0..<300 { batch.append(try Customer(name: "R\(round)-\(i)", territory: "north")) }
            try store.create(batch)
            created += batch.count
            let sync = Task { try await AgentSync(store: store).syncOnce() }
            try await Task.sleep(for: .milliseconds(Int.random(in: 0...120, using: &rng)))
            server.kill()
            kills += 1
            _ = try? await sync.value  // may have finished or failed mid-way: both are fine
        }
        try server.start()
        try store.setMeta(.server, server.endpoint.description)
        _ = try await AgentSync(store: store).syncOnce()
        let verify = try await AgentSync(store: store).verify()
        #expect(verify.converged, "differs in \(verify.differing)")
        #expect(verify.server.entities["customer"]?.count == created)
        #expect(try store.status().outboxDepth == 0)
        #expect(kills == 6)
        server.kill()
    }
}
