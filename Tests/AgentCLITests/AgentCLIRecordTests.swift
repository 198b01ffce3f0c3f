import Foundation
import Testing

extension AgentCLISuites {
    @Suite struct AgentCLIRecordTests {
        let cli: AgentCLI

        init() throws { cli = try AgentCLI() }

        @Test func initIsIdempotentAndPrintsTheIDs() throws {
            let first = try cli.initialize().object()
            #expect(first["agent_id"] as? String == AgentCLI.agentID)
            #expect(first["territories"] as? [String] == ["north"])
            let siteID = try #require(first["site_id"] as? String)
            let again = try cli.ok("init", "--json").object()
            #expect(again["site_id"] as? String == siteID)
            #expect(again["agent_id"] as? String == AgentCLI.agentID)
            let human = try cli.ok("init").stdout
            #expect(human.contains("site id:     \(siteID)"))
            #expect(human.contains("agent id:    \(AgentCLI.agentID)"))
        }

        @Test func customersAreAddedShownUpdatedAndListed() throws {
            try cli.initialize()
            let anika = try cli.addCustomer("Anika", "--persona", "tech_savvy", "--email", "anika@example.com", "--tag", "vip")
            _ = try cli.addCustomer("Musahib", "--lifecycle", "at_risk", "--segment", "smb")

            let shown = try cli.ok("customer", "show", String(anika.prefix(8)), "--json").object()
            #expect(shown["id"] as? String == anika)
            #expect(shown["name"] as? String == "Anika")
            #expect(shown["territory"] as? String == "north")
            #expect(shown["owner_agent_id"] as? String == AgentCLI.agentID)
            #expect(shown["tags"] as? String == "vip")

            let updated = try cli.ok("customer", "update", anika, "--lifecycle", "onboarding", "--json").object()
            #expect(updated["lifecycle"] as? String == "onboarding")

            let listed = try cli.ok("customer", "list", "--json").array()
            #expect(listed.map { $0["name"] as? String } == ["Anika", "Musahib"])
            #expect(try cli.ok("customer", "list", "--lifecycle", "at-risk", "--json").array().count == 1)

            let table = try cli.ok("customer", "list").stdout.split(separator: "\n")
            #expect(table.count == 3)
            #expect(table[0].hasPrefix("ID        NAME"))
            #expect(table[1].hasPrefix(anika.prefix(8) + "  Anika"))
            let human = try cli.ok("customer", "show", anika).stdout
            #expect(human.contains("lifecycle: onboarding"))
        }

        @Test func feedbackSnapshotsTheInteractionAndLeavesTheFollowUpToTheServer() throws {
            try cli.initialize()
            let customer = try cli.addCustomer("Anika")
            let logged = try cli.ok(
                "log", "--customer", String(customer.prefix(6)), "--channel", "phone", "--touchpoint", "Billing",
                "--stage", "support", "--outcome", "follow-up", "--sentiment", "-1", "--duration", "5m",
                "--summary", "double charge", "--at", "2025-06-15T14:30:00Z", "--json"
            ).object()
            let interaction = try #require(logged["id"] as? String)
            #expect(logged["touchpoint"] as? String == "billing")
            #expect(logged["outcome"] as? String == "follow_up")
            #expect(logged["sentiment"] as? Int == -1)
            #expect(logged["duration_seconds"] as? Int == 300)
            #expect(logged["occurred_at"] as? String == "2025-06-15T14:30:00.000Z")

            let answer = try cli.ok(
                "feedback", "--customer", customer, "--kind", "nps", "--score", "3", "--interaction", interaction,
                "--comment", "slow", "--json"
            ).object()
            #expect(answer["type"] as? String == "feedback")
            #expect(answer["bucket"] as? String == "detractor")
            #expect(answer["channel"] as? String == "phone")
            #expect(answer["touchpoint"] as? String == "billing")
            #expect(answer["stage"] as? String == "support")
            #expect(answer["agent_id"] as? String == AgentCLI.agentID)
            // The closed-loop follow-up is the server's (one per answer), not created on the laptop.
            #expect(answer["follow_up"] == nil)
            #expect(try cli.ok("followup", "list", "--json").array().isEmpty)
            let human = try cli.ok("feedback", "--customer", customer, "--kind", "csat", "--score", "2").stdout
            #expect(human.contains("closed loop"))

            let added = try cli.ok("followup", "add", "--customer", customer, "--note", "call back", "--json").object()
            let followUpID = try #require(added["id"] as? String)
            let done = try cli.ok("followup", "done", String(followUpID.prefix(8)), "--json").object()
            #expect(done["status"] as? String == "done")
            #expect(done["completed_at"] is String)
            #expect(try cli.ok("followup", "list", "--json").array().isEmpty)
            #expect(try cli.ok("followup", "list", "--status", "done", "--json").array().count == 1)
        }

        @Test func caseLifecycleCountsReopens() throws {
            try cli.initialize()
            let customer = try cli.addCustomer("Anika")
            let opened = try cli.ok(
                "case", "open", "--customer", customer, "--subject", "Router keeps rebooting", "--priority", "high",
                "--at", "2025-06-01T09:00:00Z", "--json"
            ).object()
            let id = try #require(opened["id"] as? String)
            #expect(opened["status"] as? String == "open")

            let resolved = try cli.ok("case", "resolve", id, "--at", "2025-06-02T09:00:00Z", "--json").object()
            #expect(resolved["status"] as? String == "resolved")
            #expect(resolved["resolved_at"] as? String == "2025-06-02T09:00:00.000Z")

            let reopened = try cli.ok("case", "reopen", id, "--json").object()
            #expect(reopened["status"] as? String == "open")
            #expect(reopened["reopen_count"] as? Int == 1)
            #expect(reopened["resolved_at"] is NSNull)

            let reopenOpen = try cli.run("case", "reopen", id)
            #expect(reopenOpen.status != 0)
            #expect(reopenOpen.errorLines == ["error: case is open: only a resolved or closed case can be reopened"])

            try cli.ok("case", "update", id, "--status", "pending")
            let closed = try cli.ok("case", "close", id, "--json").object()
            #expect(closed["status"] as? String == "closed")
            #expect(closed["resolved_at"] is String)
            #expect(closed["reopen_count"] as? Int == 1)

            let listed = try cli.ok("case", "list", "--status", "closed", "--json").array()
            #expect(listed.map { $0["id"] as? String } == [id])
            #expect(try cli.ok("case", "list").stdout.contains("1×"))
        }

        @Test func notesAttachToCustomersAndCases() throws {
            try cli.initialize()
            let customer = try cli.addCustomer("Anika")
            let supportCase = try #require(
                try cli.ok("case", "open", "--customer", customer, "--subject", "Login", "--json").object()["id"] as? String)
            let note = try cli.ok("note", "add", "--customer", customer, "--case", supportCase, "prefers", "email", "--json").object()
            #expect(note["body"] as? String == "prefers email")
            #expect(note["case_id"] as? String == supportCase)
            #expect(note["author_agent_id"] as? String == AgentCLI.agentID)
        }

        @Test func statusCountsRecordsAndTheOutbox() throws {
            try cli.initialize()
            let customer = try cli.addCustomer("Anika")
            try cli.ok("customer", "update", customer, "--segment", "smb")
            try cli.ok(
                "log", "--customer", customer, "--channel", "chat", "--touchpoint", "onboarding", "--stage", "onboarding",
                "--outcome", "resolved")
            let status = try cli.ok("status", "--json").object()
            #expect(status["agent_id"] as? String == AgentCLI.agentID)
            #expect(status["site_id"] is String)
            let records = try #require(status["records"] as? [String: Int])
            #expect(records["customer"] == 1)
            #expect(records["interaction"] == 1)
            #expect(records["case"] == 0)
            #expect(status["outbox_depth"] as? Int == 3)
            #expect(status["dead_letters"] as? Int == 0)
            #expect(status["pull_cursor"] as? Int == 0)
            #expect(status["oldest_unsynced_age_seconds"] is Int)
            let human = try cli.ok("status").stdout
            #expect(human.contains("outbox:       3 changes"))
        }

        @Test func theDatabaseComesFromTheEnvironmentWithoutDB() throws {
            let fromVariable = cli.directory.appendingPathComponent("env/agent.sqlite").path
            let initialized = try cli.run(["init", "--json"], environment: ["TOUCHPOINT_AGENT_DB": fromVariable]).object()
            #expect(initialized["database"] as? String == fromVariable)
            let dataHome = cli.directory.appendingPathComponent("xdg").path
            let status = try cli.run(["init", "--json"], environment: ["XDG_DATA_HOME": dataHome]).object()
            #expect(status["database"] as? String == dataHome + "/touchpoint/agent.sqlite")
            #expect(FileManager.default.fileExists(atPath: dataHome + "/touchpoint/agent.sqlite"))
        }
    }
}
