import Foundation
import Testing
import TouchpointAdminCLI
import TouchpointAdminClient
import TouchpointClient
import TouchpointModel
import TouchpointProtocol
import TouchpointStore

/// `touchpointctl status` shows each agent's outbox depth as the agent last reported it
/// (in its PullRequests) and explains its columns; it showed neither.
@Suite struct StatusOutboxDepthTests {
    @Test func statusShowsEachAgentsOutboxDepthAsLastReportedAndExplainsItsColumns() async throws {
        // A 1 s skew bound: changes stamped 30 s ahead are refused (the laptop repairs only past 60 s).
        let server = try await LiveServer.start(maxSkew: 1)
        defer { Task { await server.stop() } }
        let ada = try await server.laptop("Ada", territories: ["north"])
        let dee = try await server.laptop("Dee", territories: ["north"])
        let older = try await server.laptop("Older", territories: ["north"])
        _ = try await server.laptop("Quiet", territories: ["north"])
        let admin = try await server.laptop("root", territories: [], role: .admin)

        // Ada pushed everything: nothing waits.
        try ada.store.create(try Customer(name: "Anika", territory: "north"))
        try await ada.sync()
        // Dee's clock ran ahead: the server refuses her push, her pull still reports what waits.
        try dee.store.create(try Customer(name: "Musahib", territory: "north"), now: Date() + 30)
        try dee.store.create(try Customer(name: "Chen", territory: "north"), now: Date() + 30)
        await #expect(throws: ProtocolError.self) { try await dee.sync() }
        #expect(try dee.store.outboxDepth() == 2)
        // An agent that pulls without reporting (a version before the field) and one that never synced.
        try await SyncConnection.withConnection(to: server.endpoint, configuration: try older.configuration) { connection in
            _ = try await connection.pull(after: 0, limit: 10)
        }

        let status = try await AdminClient.connect(to: server.endpoint, token: admin.token) { try await $0.status() }
        func row(_ name: String) throws -> AgentSyncState { try #require(status.agents.first { $0.name == name }) }
        #expect(try row("Ada").outboxDepth == 0)
        #expect(try row("Dee").outboxDepth == 2)
        #expect(try row("Older").outboxDepth == nil)
        #expect(try row("Quiet").outboxDepth == nil)

        let text = try await CtlBinaryTests.ctl("status", server: server, token: admin.token)
        #expect(text.status == 0, "\(text.stderr)")
        let lines = text.stdout.split(separator: "\n").map(String.init)
        let header = try #require(lines.first { $0.hasPrefix("AGENT") })
        let column = header.distance(from: header.startIndex, to: try #require(header.range(of: "OUTBOX ")).lowerBound)
        func cell(_ name: String) throws -> String {
            let line = try #require(lines.first { $0.hasPrefix(name + " ") })
            return String(line.dropFirst(column).prefix { $0 != " " })
        }
        #expect(try cell("Ada") == "0")
        #expect(try cell("Dee") == "2")
        #expect(try cell("Older") == "—")
        #expect(try cell("Quiet") == "—")
        // A legend line for every column but the self-explanatory ones.
        for column in ["LAST SEEN", "PROTO", "LAG", "OUTBOX", "ACKED", "LAST SYNC", "REJECTED", "BAD HELLOS", "FLAG"] {
            #expect(lines.contains { $0.hasPrefix(column + " ") || $0.contains("  " + column + " ") && !$0.hasPrefix("AGENT") },
                    "no legend for \(column)")
        }

        let json = try await CtlBinaryTests.ctl("status", "--json", server: server, token: admin.token)
        let agents = try #require((try json.json() as? [String: Any])?["agents"] as? [[String: Any]])
        func depth(_ name: String) throws -> Any? { try #require(agents.first { $0["name"] as? String == name })["outbox_depth"] }
        #expect(try depth("Ada") as? Int == 0)
        #expect(try depth("Dee") as? Int == 2)
        #expect(try depth("Older") is NSNull, "never reported: null, not 0")
    }
}
