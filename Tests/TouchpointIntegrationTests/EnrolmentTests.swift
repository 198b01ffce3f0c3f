import Foundation
import Testing
import TouchpointClient
import TouchpointProtocol

/// Issue 8 item 16: a laptop enrols with its token alone, never records work
/// under an invented id, refreshes its territories at every sync, and a sync
/// that had refusals says so in its exit status. Real server and agent binaries.
@Suite(.serialized) struct EnrolmentTests {
    /// A stopped server with one registered agent; `start()` it before enrolling.
    struct Setup {
        let root: String
        let server: ServerProcess
        let agentID: String
        let token: String
        var laptop: AgentProcess { AgentProcess(db: root + "/laptop.sqlite") }

        init(territories: [String]) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("tp-enrol-\(UUID())").path
            server = ServerProcess(data: root + "/server")
            try server.command(["init"])
            agentID = UUID().uuidString.lowercased()
            let added = try server.command(
                ["agents", "add", "--name", "Dana Field", "--id", agentID] + territories.flatMap { ["--territory", $0] })
            token = String(added.split(separator: "\n").last!.split(separator: " ").last!)
        }

        func tearDown() {
            server.kill()
            try? FileManager.default.removeItem(atPath: root)
        }
    }

    @Test func item16EnrolmentByTokenAloneLearnsIDNameAndTerritories() throws {
        let setup = try Setup(territories: ["north", "south"])
        defer { setup.tearDown() }
        try setup.server.start()

        let enrolled = try setup.laptop.run("init", "--server", setup.server.endpoint.description, "--token", setup.token, "--json")
        #expect(enrolled.status == 0, "\(enrolled.stderr)")
        let identity = try enrolled.object()
        #expect(identity["agent_id"] as? String == setup.agentID)
        #expect(identity["agent_name"] as? String == "Dana Field")
        #expect(identity["territories"] as? [String] == ["north", "south"])

        // What it records carries the real id, so the server accepts all of it.
        #expect(try setup.laptop.run("customer", "add", "--name", "Anika", "--territory", "south").status == 0)
        let synced = try setup.laptop.run("sync", "--json")
        #expect(synced.status == 0, "\(synced.stderr)")
        #expect(try synced.object()["rejected"] as? Int == 0)
        #expect(try synced.object()["pushed"] as? Int == 1)
        #expect(try setup.laptop.run("verify").status == 0)
    }

    @Test func item16FailedEnrolmentLeavesTheDatabaseUninitialized() throws {
        let setup = try Setup(territories: ["north"])
        defer { setup.tearDown() }
        try setup.server.start()
        let endpoint = setup.server.endpoint.description

        let badToken = try setup.laptop.run("init", "--server", endpoint, "--token", "tp_not_a_token")
        #expect(badToken.status != 0)
        #expect(badToken.stderr.split(separator: "\n").count == 1, "\(badToken.stderr)")
        let refused = try setup.laptop.run("customer", "add", "--name", "Anika", "--territory", "north")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("touchpoint-agent init"), "\(refused.stderr)")

        setup.server.kill()
        let unreachable = try setup.laptop.run("init", "--server", endpoint, "--token", setup.token)
        #expect(unreachable.status != 0)
        #expect(unreachable.stderr.contains("cannot reach the server"), "\(unreachable.stderr)")
        #expect(unreachable.stderr.split(separator: "\n").count == 1, "\(unreachable.stderr)")
        #expect(try setup.laptop.run("customer", "add", "--name", "Anika", "--territory", "north").status != 0)
    }

    @Test func item16SyncWithRefusalsExitsFourAndRefreshesTerritories() throws {
        let setup = try Setup(territories: ["north"])
        defer { setup.tearDown() }
        try setup.server.start()
        // Enrolled offline with a territory the server does not give this agent.
        let initialized = try setup.laptop.run(
            "init", "--agent-id", setup.agentID, "--territory", "north", "--territory", "west",
            "--server", setup.server.endpoint.description, "--token", setup.token)
        #expect(initialized.status == 0, "\(initialized.stderr)")
        #expect(try setup.laptop.run("customer", "add", "--name", "Westerly", "--territory", "west").status == 0)
        #expect(try setup.laptop.run("customer", "add", "--name", "Northerly", "--territory", "north").status == 0)

        let refused = try setup.laptop.run("sync")
        #expect(refused.status == 4, "\(refused.stdout) \(refused.stderr)")
        #expect(refused.stdout.contains("rejected 1"), "\(refused.stdout)")
        let identity = try setup.laptop.run("init", "--json").object()
        #expect(identity["territories"] as? [String] == ["north"])
        #expect(identity["agent_name"] as? String == "Dana Field")

        let clean = try setup.laptop.run("sync", "--json")
        #expect(clean.status == 0)
        #expect(try clean.object()["rejected"] as? Int == 0)
    }
}
