import Foundation
import Testing

extension AgentCLISuites {
    /// Issue 9: text with a NUL character would be cut at the NUL in SQLite; the
    /// agent refuses it with a clear line instead of storing a shortened value.
    @Suite struct AgentCLINulTextTests {
        let cli: AgentCLI

        init() throws {
            cli = try AgentCLI()
            try cli.initialize()
        }

        @Test func importRefusesTextWithNUL() throws {
            let lines = """
                {"type":"customer","id":"44444444-4444-4444-8444-444444444444","name":"Ann\\u0000Smith","territory":"north"}
                {"type":"customer","id":"55555555-5555-4555-8555-555555555555","name":"Bo","territory":"north","segment":"smb\\u0000x"}
                {"type":"customer","id":"66666666-6666-4666-8666-666666666666","name":"Cy","territory":"north"}
                """
            let file = try cli.file("nul.jsonl", lines)
            let result = try cli.run("import", "--file", file)
            #expect(result.status == 1)
            #expect(
                result.errorLines == [
                    "line 1: customer.name: must not contain a NUL character (U+0000)",
                    "line 2: customer.segment: must not contain a NUL character (U+0000)",
                    "error: 2 rows rejected (see the lines above)",
                ])
            #expect(try cli.ok("customer", "list", "--json").array().map { $0["name"] as? String } == ["Cy"])
        }
    }
}
