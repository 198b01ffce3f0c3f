import Foundation
import Testing
import TouchpointAdminCLI
import TouchpointAdminClient
import TouchpointClient
import TouchpointModel
import TouchpointProtocol
import TouchpointStore

/// `touchpointctl status|agents|conflicts|changes` through their library code against a real server.
@Suite struct CtlAdminTests {
    @Test func statusShowsEveryAgentsLagAndFlagsSilentOnes() async throws {
        let server = try await LiveServer.start()
        defer { Task { await server.stop() } }
        let ada = try await server.laptop("Ada", territories: ["north"])
        _ = try await server.laptop("Quiet", territories: ["south"])
        let admin = try await server.laptop("root", territories: [], role: .admin)
        try ada.store.create(try Customer(name: "Anika", territory: "north"))
        try await ada.sync()
        try await ada.sync()
        let status = try await AdminClient.connect(to: server.endpoint, token: admin.token) { try await $0.status() }
        #expect(status.store == "sqlite")
        #expect(status.sequence == 1)
        #expect(status.openConflicts == 0)
        let row = try #require(status.agents.first { $0.name == "Ada" })
        #expect(row.lag == 0)
        #expect(row.ackedOutbox == 1)
        #expect(row.protocolVersion == 1)
        #expect(row.lastSync != nil)
        let quiet = try #require(status.agents.first { $0.name == "Quiet" })
        #expect(quiet.lag == 1)
        #expect(!status.agents.contains { $0.name == "root" }, "admins are not listed as field agents")
        let view = StatusView(status)
        #expect(view.isSilent(quiet))
        #expect(!view.isSilent(row))
        let text = view.lines.joined(separator: "\n")
        #expect(text.contains("SILENT"))
        #expect(text.contains("sequence   1"))
    }

    @Test func agentsAddListRevoke() async throws {
        let server = try await LiveServer.start()
        defer { Task { await server.stop() } }
        let admin = try await server.laptop("root", territories: [], role: .admin)
        try await AdminClient.connect(to: server.endpoint, token: admin.token) { client in
            let (added, token) = try await client.addAgent(name: "Zoe", team: "Field", territories: ["east"])
            #expect(token.hasPrefix("tp_"))
            #expect(try await client.agents().contains { $0.id == added.id && $0.agent.team == "Field" })
            let revoked = try await client.revokeAgent(added.id)
            #expect(revoked.revoked)
            #expect(try await !client.agents().contains { $0.id == added.id })
            #expect(try await client.agents(includeRevoked: true).contains { $0.id == added.id })
        }
    }

    /// Ada and Bo (north) edit one customer's phone concurrently: the server keeps one conflict.
    static func concurrentPhoneEdits(
        on server: LiveServer
    ) async throws -> (ada: Laptop, bo: Laptop, admin: Laptop, customer: Customer) {
        let ada = try await server.laptop("Ada", territories: ["north"])
        let bo = try await server.laptop("Bo", territories: ["north"])
        let admin = try await server.laptop("root", territories: [], role: .admin)
        let customer = try Customer(name: "Anika", phone: "1", territory: "north")
        try ada.store.create(customer)
        try await ada.sync()
        try await bo.sync()
        _ = try ada.store.update(Customer.self, id: customer.id) { $0.phone = "ada" }
        _ = try bo.store.update(Customer.self, id: customer.id) { $0.phone = "bo" }
        try await ada.sync()
        try await bo.sync()
        return (ada, bo, admin, customer)
    }

    @Test func aConcurrentEditIsListedShownAndResolvedWithANewWrite() async throws {
        let server = try await LiveServer.start()
        defer { Task { await server.stop() } }
        let (ada, bo, admin, customer) = try await Self.concurrentPhoneEdits(on: server)

        try await AdminClient.connect(to: server.endpoint, token: admin.token) { client in
            let open = try await client.conflicts(openOnly: true)
            let conflict = try #require(open.first)
            #expect(open.count == 1)
            #expect(conflict.field == "phone")
            #expect(Set([conflict.winner.value, conflict.loser.value]) == [.text("ada"), .text("bo")])
            #expect(Set([conflict.winner.agent, conflict.loser.agent]) == [ada.agentID, bo.agentID])
            #expect(conflict.winner.site != conflict.loser.site)
            let shown = try await client.conflict(conflict.id)
            #expect(shown.record?["phone"]?.value == conflict.winner.value, "conflict_show returns the record's current fields")
            #expect(shown.record?["name"]?.value == .text("Anika"))
            var listed = shown
            listed.record = nil
            #expect(listed == conflict)
            let names = try await client.agents().reduce(into: [UUID: String]()) { $0[$1.id] = $1.name }
            let detail = ConflictText.detail(shown, agentNames: names).joined(separator: "\n")
            #expect(detail.contains("Ada") && detail.contains("Bo") && detail.contains("hlc"))

            let (resolved, sequence) = try await client.resolve(conflict.id, keep: .loser)
            #expect(sequence > 0)
            #expect(resolved.resolution == "loser")
            #expect(resolved.resolvedBy == admin.agentID)
            #expect(resolved.resolvedAt != nil)
            #expect(try await client.conflicts(openOnly: true).isEmpty)
            #expect(try await client.conflicts(openOnly: false).count == 1)
        }
        try await ada.sync()
        try await bo.sync()
        let loserValue = try #require(try ada.store.record(Customer.self, id: customer.id)?.phone)
        #expect(try bo.store.record(Customer.self, id: customer.id)?.phone == loserValue)
    }

    @Test func changesTailPagesTheFeed() async throws {
        let server = try await LiveServer.start()
        defer { Task { await server.stop() } }
        let ada = try await server.laptop("Ada", territories: ["north"])
        let admin = try await server.laptop("root", territories: [], role: .admin)
        for name in ["A", "B", "C"] { try ada.store.create(try Customer(name: name, territory: "north")) }
        try await ada.sync()
        try await AdminClient.connect(to: server.endpoint, token: admin.token) { client in
            let page = try await client.changes(after: 1, limit: 1)
            #expect(page.changes.map(\.sequence) == [2])
            #expect(page.more)
            #expect(page.head == 3)
            #expect(ChangeLine.text(page.changes[0]).hasPrefix("2  customer "))
            #expect(ChangeLine.text(page.changes[0]).contains("name=\"B\""))
        }
    }
}
