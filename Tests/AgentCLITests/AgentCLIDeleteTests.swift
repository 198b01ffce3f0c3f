import Foundation
import Testing

extension AgentCLISuites {
    /// `customer delete`, `case delete`, `followup delete` (issue 8 item 5): tombstones
    /// users can make; interactions, feedback and notes are append-only.
    @Suite struct AgentCLIDeleteTests {
        let cli: AgentCLI

        init() throws { cli = try AgentCLI() }

        func outboxDepth() throws -> Int? { try cli.ok("status", "--json").object()["outbox_depth"] as? Int }

        @Test func customersCasesAndFollowUpsAreDeleted() throws {
            try cli.initialize()
            let anika = try cli.addCustomer("Anika")
            _ = try cli.addCustomer("Musahib")
            let supportCase = try #require(
                try cli.ok("case", "open", "--customer", anika, "--subject", "Router", "--json").object()["id"] as? String)
            let followUp = try #require(
                try cli.ok("followup", "add", "--customer", anika, "--note", "call back", "--json").object()["id"] as? String)
            let queued = try #require(try outboxDepth())

            let deleted = try cli.ok("case", "delete", String(supportCase.prefix(6)), "--json").object()
            #expect(deleted["deleted"] as? Bool == true)
            #expect(deleted["entity"] as? String == "case")
            #expect(deleted["id"] as? String == supportCase)
            #expect(try cli.ok("case", "list", "--json").array().isEmpty)

            let human = try cli.ok("followup", "delete", followUp).stdout
            #expect(human == "deleted follow-up \(followUp.prefix(8)) (call back)\n")
            #expect(try cli.ok("followup", "list", "--json").array().isEmpty)

            #expect(try cli.ok("customer", "delete", anika).stdout == "deleted customer \(anika.prefix(8)) (Anika)\n")
            #expect(try cli.ok("customer", "list", "--json").array().map { $0["name"] as? String } == ["Musahib"])
            #expect(try outboxDepth() == queued + 3, "each delete is a tombstone queued for sync")

            let again = try cli.run("customer", "delete", anika)
            #expect(again.status != 0)
            #expect(again.errorLines == ["error: no customer with id \(anika)"])
        }

        @Test func appendOnlyRecordsAreRefusedWithAClearMessage() throws {
            try cli.initialize()
            let customer = try cli.addCustomer("Anika")
            let interaction = try #require(try cli.ok(
                "log", "--customer", customer, "--channel", "phone", "--touchpoint", "billing", "--stage", "support",
                "--outcome", "resolved", "--json"
            ).object()["id"] as? String)
            let note = try #require(try cli.ok("note", "add", "--customer", customer, "prefers email", "--json").object()["id"] as? String)
            let feedback = try #require(try cli.ok(
                "feedback", "--customer", customer, "--kind", "nps", "--score", "9", "--json"
            ).object()["id"] as? String)
            let queued = try #require(try outboxDepth())

            for (entity, id, command) in [("interaction", interaction, "customer"), ("note", note, "case"), ("feedback", feedback, "followup")] {
                let result = try cli.run(command, "delete", String(id.prefix(8)))
                #expect(result.status != 0)
                #expect(result.errorLines == [
                    "error: cannot delete \(entity) \(id.prefix(8)): interactions, feedback and notes are append-only"
                ])
                #expect(try cli.run(command, "delete", id).errorLines == result.errorLines, "a full id is refused alike")
            }
            #expect(try outboxDepth() == queued)
        }
    }
}
