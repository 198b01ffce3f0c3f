import Foundation
import Testing

extension AgentCLISuites {
    @Suite struct AgentCLIImportTests {
        let cli: AgentCLI

        init() throws {
            cli = try AgentCLI()
            try cli.initialize()
        }

        static let customersCSV = """
            id,name,email,segment,persona,lifecycle,territory,tags\r
            11111111-1111-4111-8111-111111111111,"Doe, Jane",jane@example.com,smb,tech_savvy,active,north,"vip,early"\r
            22222222-2222-4222-8222-222222222222,"Musahib ""Mo"" Khan",,enterprise,,at_risk,north,\r

            """

        static func interactionsCSV(scores: Bool = false) -> String {
            """
            customer_id,occurred_at,channel,touchpoint,stage,outcome,summary
            11111111-1111-4111-8111-111111111111,2025-06-15T14:30:00Z,phone,billing,support,resolved,"two lines:
            refund sent"
            22222222-2222-4222-8222-222222222222,1750000000000,email,renewal,renewal,follow_up,
            """
        }

        func count(_ entity: String) throws -> Int {
            let status = try cli.ok("status", "--json").object()
            return try #require((status["records"] as? [String: Int])?[entity])
        }

        @Test func importsAGoodCSVWithQuotesAndEmbeddedNewlines() throws {
            let customers = try cli.file("customers.csv", Self.customersCSV)
            let result = try cli.ok("import", "--file", customers, "--entity", "customer")
            #expect(result.stdout.hasPrefix("imported 2 · duplicates 0 · rejected 0 · 2 rows"))
            let jane = try cli.ok("customer", "show", "1111", "--json").object()
            #expect(jane["name"] as? String == "Doe, Jane")
            #expect(jane["tags"] as? String == "vip,early")
            #expect(try cli.ok("customer", "show", "2222", "--json").object()["name"] as? String == "Musahib \"Mo\" Khan")

            let interactions = try cli.file("interactions.csv", Self.interactionsCSV())
            let summary = try cli.ok("import", "--file", interactions, "--entity", "interaction", "--json").object()
            #expect(summary["imported"] as? Int == 2)
            let listed = try cli.ok("customer", "list", "--json").array()
            #expect(listed.count == 2)
            let export = try cli.ok("export", "--entity", "interaction").stdout
            #expect(export.contains(#""summary":"two lines:\nrefund sent""#))
            #expect(export.contains(#""agent_id":"\#(AgentCLI.agentID)""#))
            #expect(export.contains(#""occurred_at":"2025-06-15T15:06:40.000Z""#))  // from epoch milliseconds
        }

        @Test func importsJSONLinesWithPerRowTypes() throws {
            let lines = """
                {"type":"customer","id":"33333333-3333-4333-8333-333333333333","name":"Anika","territory":"north","lifecycle":"active"}
                {"type":"case","customer_id":"33333333-3333-4333-8333-333333333333","subject":"Wi-Fi drops","opened_at":"2025-06-01"}

                {"type":"feedback","customer_id":"33333333-3333-4333-8333-333333333333","kind":"ces","score":6,"collected_at":1750000000000}
                """
            let file = try cli.file("mixed.jsonl", lines)
            let summary = try cli.ok("import", "--file", file, "--json").object()
            #expect(summary["imported"] as? Int == 3)
            #expect(summary["rejected"] as? Int == 0)
            #expect(try count("case") == 1)
            #expect(try count("feedback") == 1)
        }

        @Test func badRowsAreReportedByLineAndLeftOut() throws {
            let customers = try cli.file("customers.csv", Self.customersCSV)
            try cli.ok("import", "--file", customers, "--entity", "customer")
            let csv = """
                customer_id,kind,score,collected_at,comment
                11111111-1111-4111-8111-111111111111,nps,9,2025-06-15T10:00:00Z,great
                11111111-1111-4111-8111-111111111111,nps,11,2025-06-15T10:00:00Z,too high
                11111111-1111-4111-8111-111111111111,csat,4,yesterday,bad date
                99999999-9999-4999-8999-999999999999,nps,7,2025-06-15T10:00:00Z,no such customer
                11111111-1111-4111-8111-111111111111,nps,2,2025-06-15T10:00:00Z,"multi
                line"
                11111111-1111-4111-8111-111111111111,ces,5
                22222222-2222-4222-8222-222222222222,csat,5,2025-06-16T10:00:00Z,
                """
            let file = try cli.file("feedback.csv", csv)
            let result = try cli.run("import", "--file", file, "--entity", "feedback")
            #expect(result.status == 1)
            #expect(
                result.errorLines == [
                    "line 3: feedback.score: NPS score must be 0–10, got 11",
                    "line 4: feedback.collected_at: not a date: 'yesterday' (give ISO 8601 or epoch milliseconds)",
                    "line 5: feedback.customer_id: no customer with id 99999999-9999-4999-8999-999999999999",
                    "line 8: expected 5 fields, got 3",
                    "error: 4 rows rejected (see the lines above)",
                ])
            #expect(result.stdout.hasPrefix("imported 3 · duplicates 0 · rejected 4 · 7 rows"))
            #expect(try count("feedback") == 3)
        }

        @Test func reimportingTheSameFileIsANoOp() throws {
            let customers = try cli.file("customers.csv", Self.customersCSV)
            let interactions = try cli.file("interactions.csv", Self.interactionsCSV())
            try cli.ok("import", "--file", customers, "--entity", "customer")
            try cli.ok("import", "--file", interactions, "--entity", "interaction")
            let before = try cli.ok("status", "--json").object()["outbox_depth"] as? Int

            let again = try cli.ok("import", "--file", interactions, "--entity", "interaction", "--json").object()
            #expect(again["imported"] as? Int == 0)
            #expect(again["duplicates"] as? Int == 2)
            let customersAgain = try cli.ok("import", "--file", customers, "--entity", "customer", "--json").object()
            #expect(customersAgain["duplicates"] as? Int == 2)
            #expect(try cli.ok("status", "--json").object()["outbox_depth"] as? Int == before)
            #expect(try count("interaction") == 2)
        }

        @Test(arguments: ["jsonl", "csv"])
        func exportThenImportRoundTripsIntoAnotherDatabase(format: String) throws {
            let customer = try cli.addCustomer("Anika, \"the\" tester", "--tag", "vip", "--email", "a@example.com")
            let supportCase = try #require(
                try cli.ok("case", "open", "--customer", customer, "--subject", "Login\nfails", "--json").object()["id"] as? String)
            try cli.ok(
                "log", "--customer", customer, "--channel", "in_person", "--touchpoint", "support", "--stage", "support",
                "--outcome", "resolved", "--case", supportCase, "--summary", "fixed, \"finally\"")
            try cli.ok("feedback", "--customer", customer, "--kind", "nps", "--score", "4")
            try cli.ok("note", "add", "--customer", customer, "first note")
            try cli.ok("case", "resolve", supportCase)

            let file = cli.directory.appendingPathComponent("export.\(format)").path
            try cli.ok("export", "--format", format, "--output", file)
            let second = cli.directory.appendingPathComponent("second.sqlite")
            try cli.initialize(database: second)
            let summary = try cli.ok("import", "--file", file, "--json", database: second).object()
            #expect(summary["imported"] as? Int == 5)  // customer, case, interaction, feedback, note (the follow-up is the server's)

            let original = try cli.ok("export", "--format", "jsonl").stdout
            let copy = try cli.ok("export", "--format", "jsonl", database: second).stdout
            #expect(copy == original)
            #expect(original.split(separator: "\n").count == 5)
        }

        @Test func aCSVExportOfOneEntityImportsBackWithoutSayingWhichEntity() throws {
            _ = try cli.addCustomer("Anika")
            _ = try cli.addCustomer("Musahib")
            let file = cli.directory.appendingPathComponent("customers.csv").path
            try cli.ok("export", "--format", "csv", "--entity", "customer", "--output", file)
            let header = try String(contentsOfFile: file, encoding: .utf8).prefix { $0 != "\n" }
            #expect(header == "type,id,name,email,phone,segment,persona,lifecycle,territory,owner_agent_id,tags,annual_value,currency,erased_at")
            let second = cli.directory.appendingPathComponent("second.sqlite")
            try cli.initialize(database: second)
            let summary = try cli.ok("import", "--file", file, "--json", database: second).object()
            #expect(summary["imported"] as? Int == 2)
        }
    }
}
