import Foundation
import Testing
import TouchpointClient
import TouchpointModel
import TouchpointProtocol
import TouchpointServer
import TouchpointStore

/// A client may send the next pull before it applied the page it starts after;
/// pages come back in order and the server records as the agent's cursor only
/// what the agent says it applied.
@Suite struct PipelinedPullTCPTests {
    private func seeded(pageSize: Int) async throws -> (LiveServer, Laptop) {
        let live = try await LiveServer.start(limits: ProtocolLimits(maxPageChanges: pageSize))
        let writer = try await live.laptop("Ada", territories: ["north"])
        let customer = try Customer(name: "Anika", territory: "north")
        try writer.store.create(customer)
        for index in 0..<20 {
            try writer.store.create(try Interaction(
                customerID: customer.id, agentID: writer.agentID, occurredAt: Date(), channel: .phone, touchpoint: "billing",
                stage: .support, outcome: .resolved, summary: "call \(index)"))
        }
        try await writer.sync()
        return (live, try await live.laptop("Bo", territories: ["north"]))
    }

    @Test func aPipelinedPullRecordsTheAppliedCursorNotTheOneItStartsAfter() async throws {
        let (live, reader) = try await seeded(pageSize: 3)
        defer { Task { await live.stop() } }
        try await SyncConnection.withConnection(to: reader.endpoint, configuration: try reader.configuration) { connection in
            let first = try await connection.receivePull(try await connection.sendPull(after: 0, limit: 3, outboxDepth: 0, applied: nil))
            // Two pulls in flight, both sent before either page is applied.
            let second = try await connection.sendPull(after: first.nextCursor, limit: 3, outboxDepth: 0, applied: 0)
            let third = try await connection.sendPull(after: first.nextCursor + 3, limit: 3, outboxDepth: 0, applied: 0)
            let secondPage = try await connection.receivePull(second)
            let thirdPage = try await connection.receivePull(third)
            #expect(secondPage.changes.map(\.sequence) == [4, 5, 6])
            #expect(thirdPage.changes.map(\.sequence) == [7, 8, 9])
        }
        let state = try await live.store.agents().first { $0.agent.id == reader.agentID }
        #expect(state?.cursor == 0, "nothing was applied: the pipelined pulls said so")
    }

    @Test func aSyncOverManyPagesEndsCaughtUpWithTheServerKnowingIt() async throws {
        let (live, reader) = try await seeded(pageSize: 2)
        defer { Task { await live.stop() } }
        let summary = try await reader.sync()
        #expect(summary.pulled == 21)
        #expect(try reader.store.digest() == (try await reader.serverDigest()))
        let state = try await live.store.agents().first { $0.agent.id == reader.agentID }
        #expect(state?.cursor == (try reader.store.pullCursor()))
        #expect(state?.lag == 0)
    }
}
