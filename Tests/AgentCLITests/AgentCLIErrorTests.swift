import Foundation
import Testing

extension AgentCLISuites {
    @Suite struct AgentCLIErrorTests {
        let cli: AgentCLI
        let customer: String

        init() throws {
            cli = try AgentCLI()
            try cli.initialize()
            customer = try cli.addCustomer("Anika")
        }

        /// Asserts a failing run printed exactly one `error: …` line on stderr and nothing on stdout.
        func expectOneLineError(_ arguments: [String], database: URL? = nil, containing text: String) throws {
            let result = try cli.run(arguments, database: database)
            #expect(result.status != 0, "\(arguments) should fail")
            #expect(result.stdout.isEmpty)
            #expect(result.errorLines.count == 1, "\(result.stderr)")
            #expect(result.stderr.hasPrefix("error: "))
            #expect(result.stderr.contains(text), "\(result.stderr)")
        }

        @Test func unknownChannel() throws {
            try expectOneLineError(
                ["log", "--customer", customer, "--channel", "fax", "--touchpoint", "billing", "--stage", "support",
                 "--outcome", "resolved"],
                containing: "unknown channel 'fax' (expected one of: phone, email, chat, in_person")
        }

        @Test func npsScoreOutOfRange() throws {
            try expectOneLineError(
                ["feedback", "--customer", customer, "--kind", "nps", "--score", "11", "--json"],
                containing: "feedback.score: NPS score must be 0–10, got 11")
            #expect(try cli.ok("followup", "list", "--json").array().isEmpty)
        }

        @Test func missingCustomer() throws {
            try expectOneLineError(
                ["case", "open", "--customer", "abcdef12", "--subject", "x"], containing: "no customer with id abcdef12")
        }

        @Test func uninitializedDatabase() throws {
            let missing = cli.directory.appendingPathComponent("missing.sqlite")
            try expectOneLineError(["status"], database: missing, containing: "run `touchpoint-agent init`")
            #expect(!FileManager.default.fileExists(atPath: missing.path))
        }

        @Test(arguments: [
            (["customer", "add", "--json"], "--name is required"),
            (["customer", "add", "--name", "X", "--email", "not-an-email"], "customer.email: not an email address"),
            (["customer", "update", "abc"], "nothing to update"),
            (["case", "update", "abcd", "--status", "closed"], "use `case resolve` or `case close`"),
            (["log", "--customer", "abcd"], "Missing expected argument"),
            (["log", "--customer", "x", "--channel", "phone", "--touchpoint", "t", "--stage", "support", "--outcome", "resolved", "--at", "soon"], "--at: not a date"),
            (["followup", "done", "ffffffff"], "no follow-up with id ffffffff"),
            (["import", "--file", "rows.txt"], "cannot tell the format"),
            (["import", "--file", "rows.csv"], "cannot read rows.csv"),
            (["export", "--format", "xml"], "--format: expected jsonl or csv"),
            (["frobnicate"], "Unexpected argument 'frobnicate'"),
        ])
        func everyErrorIsOneLine(arguments: [String], message: String) throws {
            try expectOneLineError(arguments, containing: message)
        }

        @Test func importWithoutEntityOrTypeColumn() throws {
            let file = try cli.file("x.csv", "name,territory\nA,north\n")
            try expectOneLineError(["import", "--file", file], containing: "--entity")
        }

        @Test func importWithUnknownColumn() throws {
            let file = try cli.file("x.csv", "name,territroy\nA,north\n")
            try expectOneLineError(["import", "--file", file, "--entity", "customer"], containing: "line 1: unknown column 'territroy'")
        }
    }
}
