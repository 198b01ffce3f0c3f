import Foundation
import Testing
import TouchpointClient
import TouchpointClusterTesting
import TouchpointModel
import TouchpointProtocol
import TouchpointServer
import TouchpointStore

@Suite struct SyncStatusTests {
    /// Issue 8 item 13: right after a sync that caught an agent up, the server's
    /// view of it (what `touchpointctl status` shows) has no lag.
    @Test func statusLagReflectsCursorAfterLastPage() async throws {
        let cluster = try await Cluster(agents: [["north"], ["north"]])
        let (a, b) = (cluster.agents[0], cluster.agents[1])
        for index in 0..<12 {
            try a.store.create(try Customer(name: "Customer \(index)", territory: "north"))
        }
        _ = try await a.sync()
        _ = try await b.sync()

        let head = try await cluster.server.info().head
        #expect(head == 12)
        let states = try await cluster.server.agents()
        let reader = try #require(states.first { $0.agent.id == b.principal.agentID })
        #expect(reader.cursor == head, "b pulled every page (5 changes each) and is caught up")
        let writer = try #require(states.first { $0.agent.id == a.principal.agentID })
        #expect(writer.cursor == head, "a's own changes are not sent back, yet it is caught up")
    }
}
