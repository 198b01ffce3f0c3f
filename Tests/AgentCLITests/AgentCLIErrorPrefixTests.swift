import Foundation
import Testing

extension AgentCLISuites {
    /// A value a record refuses is named `entity.field: …` the same way in every command —
    /// `customer.email: not an email address` did, while a territory, a channel, a case
    /// priority or a case of another customer came without the entity or field.
    @Suite struct AgentCLIErrorPrefixTests {
        let cli: AgentCLI
        let customer: String
        let supportCase: String

        init() throws {
            cli = try AgentCLI()
            try cli.initialize()
            customer = try cli.addCustomer("Anika")
            let other = try cli.addCustomer("Musahib")
            supportCase = try #require(
                try cli.ok("case", "open", "--customer", other, "--subject", "Login", "--json").object()["id"] as? String)
        }

        func log(_ extra: String...) -> [String] {
            ["log", "--customer", customer, "--channel", "phone", "--touchpoint", "billing", "--stage", "support",
             "--outcome", "resolved"] + extra
        }

        @Test func errorPrefixesNameTheEntityAndFieldTheSameWayEverywhere() throws {
            let cases: [([String], String)] = [
                (["customer", "add", "--name", "Far", "--territory", "south"], "customer.territory: 'south' is outside"),
                (["customer", "update", customer, "--territory", "south"], "customer.territory: 'south' is outside"),
                (["customer", "update", customer, "--email", "nope"], "customer.email: not an email address"),
                (["customer", "add", "--name", "Far", "--lifecycle", "gone"], "customer.lifecycle: unknown lifecycle 'gone'"),
                (["customer", "update", customer, "--lifecycle", "gone"], "customer.lifecycle: unknown lifecycle 'gone'"),
                (["customer", "list", "--lifecycle", "gone"], "customer.lifecycle: unknown lifecycle 'gone'"),
                (log("--channel", "fax"), "interaction.channel: unknown channel 'fax'"),
                (log("--stage", "nowhere"), "interaction.stage: unknown stage 'nowhere'"),
                (log("--outcome", "meh"), "interaction.outcome: unknown outcome 'meh'"),
                (log("--direction", "sideways"), "interaction.direction: unknown direction 'sideways'"),
                (log("--touchpoint", "bad tp!"), "interaction.touchpoint: "),
                (log("--sentiment", "5"), "interaction.sentiment: must be "),
                (log("--case", supportCase), "interaction.case_id: case \(supportCase) belongs to another customer"),
                (["feedback", "--customer", customer, "--kind", "xyz", "--score", "1"], "feedback.kind: unknown survey kind 'xyz'"),
                (["feedback", "--customer", customer, "--kind", "nps", "--score", "11"], "feedback.score: NPS score must be 0–10"),
                (["case", "open", "--customer", customer, "--subject", "x", "--priority", "mega"], "case.priority: unknown priority 'mega'"),
                (["case", "open", "--customer", customer, "--subject", " "], "case.subject: must not be empty"),
                (["case", "update", supportCase, "--priority", "mega"], "case.priority: unknown priority 'mega'"),
                (["case", "update", supportCase, "--status", "bogus"], "case.status: unknown status 'bogus'"),
                (["case", "resolve", supportCase, "--at", "2000-01-01T00:00:00Z"], "case.resolved_at: a case cannot be resolved before"),
                (["case", "list", "--status", "bogus"], "case.status: unknown status 'bogus'"),
                (["followup", "list", "--status", "bogus"], "follow_up.status: unknown follow-up status 'bogus'"),
                (["note", "add", "--customer", customer, "--case", supportCase, "hi"], "note.case_id: case \(supportCase) belongs to another customer"),
                (["note", "add", "--customer", customer, " "], "note.body: must not be empty"),
            ]
            for (arguments, prefix) in cases {
                let result = try cli.run(arguments)
                #expect(result.status != 0, "\(arguments) should fail")
                #expect(result.errorLines.count == 1 && result.stderr.hasPrefix("error: " + prefix), "\(arguments): \(result.stderr)")
            }
        }

        @Test func importNamesTheTerritoryFieldLikeAdd() throws {
            let file = try cli.file("far.csv", "name,territory\nFar,south\n")
            let result = try cli.run("import", "--file", file, "--entity", "customer")
            #expect(result.errorLines.first == "line 2: customer.territory: 'south' is outside this agent's territories (north): the server would refuse it")
        }

        @Test func importNamesTheTouchpointFieldLikeLog() throws {
            let file = try cli.file(
                "bad-touchpoint.csv",
                "customer_id,occurred_at,channel,touchpoint,stage,outcome\n\(customer),2025-06-01T09:00:00Z,phone,bad tp!,support,resolved\n")
            let result = try cli.run("import", "--file", file, "--entity", "interaction")
            #expect(result.errorLines.first?.hasPrefix("line 2: interaction.touchpoint: touchpoint must be") == true, "\(result.stderr)")
        }
    }
}
