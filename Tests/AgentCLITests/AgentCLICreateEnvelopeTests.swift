import Foundation
import Testing

extension AgentCLISuites {
    /// Every create command's `--json` has one shape: the record it made, as `export` writes
    /// it (`type`, `id` and every field) — `feedback --json` used to wrap it in `{"feedback": …}`.
    @Suite struct AgentCLICreateEnvelopeTests {
        let cli: AgentCLI

        init() throws {
            cli = try AgentCLI()
            try cli.initialize()
        }

        @Test func feedbackJSONIsTheRecordLikeEveryOtherCreateCommand() throws {
            let customer = try cli.ok("customer", "add", "--name", "Anika", "--json").object()
            let id = try #require(customer["id"] as? String)
            let interaction = try cli.ok(
                "log", "--customer", id, "--channel", "phone", "--touchpoint", "billing", "--stage", "support",
                "--outcome", "resolved", "--json"
            ).object()
            let created: [(entity: String, object: [String: Any])] = [
                ("customer", customer),
                ("interaction", interaction),
                ("feedback", try cli.ok(
                    "feedback", "--customer", id, "--kind", "nps", "--score", "9",
                    "--interaction", try #require(interaction["id"] as? String), "--json"
                ).object()),
                ("case", try cli.ok("case", "open", "--customer", id, "--subject", "Login", "--json").object()),
                ("follow_up", try cli.ok("followup", "add", "--customer", id, "--note", "call back", "--json").object()),
                ("note", try cli.ok("note", "add", "--customer", id, "prefers email", "--json").object()),
            ]
            let exported = try cli.ok("export", "--format", "jsonl").stdout.split(separator: "\n").map { line in
                try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            }
            for (entity, object) in created {
                #expect(object["type"] as? String == entity, "\(entity) --json: \(object.keys.sorted())")
                let recordID = try #require(object["id"] as? String, "\(entity) --json has no top-level id")
                let line = try #require(exported.first { $0["id"] as? String == recordID })
                #expect(Set(object.keys) == Set(line.keys), "\(entity) --json prints the export shape")
            }
        }
    }
}
