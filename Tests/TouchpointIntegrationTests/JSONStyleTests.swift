import Foundation
import Testing
import TouchpointClient
import TouchpointModel
import TouchpointProtocol
import TouchpointStore

/// One JSON style across both CLIs: every `--json` command of `touchpoint-agent` and
/// `touchpointctl`, run as binaries against a real server, prints snake_case keys and
/// lower-case ids (`touchpointctl status`, `inspect`, `conflicts` and `report` printed
/// camelCase keys, and `conflicts resolve --json` upper-case ids).
@Suite struct JSONStyleTests {
    /// The places in a JSON tree where a key is not snake_case or an id is not lower-case.
    static func violations(_ value: Any, at path: String = "$") -> [String] {
        switch value {
        case let object as [String: Any]:
            return object.keys.sorted().flatMap { key -> [String] in
                // snake_case; a leading underscore is part of a name (`_deleted`, the tombstone field).
                let name = key.drop { $0 == "_" }
                let snake = name.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "_" } && name.first?.isLetter == true
                return (snake ? [] : ["\(path): key '\(key)'"]) + violations(object[key]!, at: "\(path).\(key)")
            }
        case let array as [Any]:
            return array.enumerated().flatMap { violations($1, at: "\(path)[\($0)]") }
        case let text as String where UUID(uuidString: text) != nil && text != text.lowercased():
            return ["\(path): id '\(text)'"]
        default:
            return []
        }
    }

    /// Parses `stdout` (one JSON document, or JSON lines with `lines`) and expects the style.
    static func expectStyle(
        _ command: String, _ status: Int32, _ stdout: String, _ stderr: String, lines: Bool = false,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        #expect(status == 0, "\(command): \(stderr)", sourceLocation: sourceLocation)
        let documents = lines ? stdout.split(separator: "\n").map(String.init) : [stdout]
        for document in documents {
            let tree = try JSONSerialization.jsonObject(with: Data(document.utf8), options: [.fragmentsAllowed])
            #expect(violations(tree) == [], "\(command)", sourceLocation: sourceLocation)
        }
    }

    @Test func everyJSONCommandOfBothCLIsPrintsSnakeCaseKeysAndLowerCaseIDs() async throws {
        let (server, ada, token) = try await CtlReportTests.serverWithFixture()
        defer { Task { await server.stop() } }
        let bo = try await server.laptop("Bo", territories: ["north"])
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("json-style-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        // The laptop of Cy, through the agent binary.
        let cy = try await server.laptop("Cy", territories: ["north"])
        let laptop = AgentProcess(db: directory.appendingPathComponent("cy.sqlite").path)
        func agent(_ arguments: String...) async throws -> [String: Any] {
            let result = try await laptop.runOffPool(arguments)
            try Self.expectStyle("touchpoint-agent " + arguments.joined(separator: " "), result.status, result.stdout, result.stderr)
            return (try? result.object()) ?? [:]
        }
        _ = try await agent(
            "init", "--agent-id", cy.agentID.uuidString, "--territory", "north", "--server", server.endpoint.description,
            "--token", cy.token, "--json")
        let customer = try #require(try await agent("customer", "add", "--name", "Anika", "--phone", "1", "--json")["id"] as? String)
        _ = try await agent("customer", "update", customer, "--segment", "smb", "--json")
        _ = try await agent("customer", "show", customer, "--json")
        _ = try await agent("customer", "list", "--json")
        let interaction = try #require(try await agent(
            "log", "--customer", customer, "--channel", "phone", "--touchpoint", "billing", "--stage", "support",
            "--outcome", "resolved", "--json")["id"] as? String)
        _ = try await agent("feedback", "--customer", customer, "--kind", "nps", "--score", "9", "--interaction", interaction, "--json")
        let supportCase = try #require(try await agent("case", "open", "--customer", customer, "--subject", "Login", "--json")["id"] as? String)
        _ = try await agent("case", "update", supportCase, "--priority", "high", "--json")
        _ = try await agent("case", "resolve", supportCase, "--json")
        _ = try await agent("case", "reopen", supportCase, "--json")
        _ = try await agent("case", "close", supportCase, "--json")
        _ = try await agent("case", "list", "--json")
        let followUp = try #require(try await agent("followup", "add", "--customer", customer, "--json")["id"] as? String)
        _ = try await agent("followup", "done", followUp, "--json")
        _ = try await agent("followup", "list", "--status", "all", "--json")
        _ = try await agent("note", "add", "--customer", customer, "prefers", "email", "--json")
        let rows = directory.appendingPathComponent("customers.csv").path
        try "name,territory\nMusahib,north\n".write(toFile: rows, atomically: true, encoding: .utf8)
        _ = try await agent("import", "--file", rows, "--entity", "customer", "--json")
        _ = try await agent("case", "delete", supportCase, "--json")
        _ = try await agent("status", "--json")
        _ = try await agent("dead-letters", "list", "--json")
        _ = try await agent("sync", "--json")
        _ = try await agent("verify", "--json")
        let export = try await laptop.runOffPool(["export", "--format", "jsonl"])
        try Self.expectStyle("touchpoint-agent export", export.status, export.stdout, export.stderr, lines: true)

        // A conflict on Anika's phone between Cy (the binary) and Bo.
        try await bo.sync()
        let id = try #require(UUID(uuidString: customer))
        _ = try bo.store.update(Customer.self, id: id) { $0.phone = "bo" }
        _ = try await agent("customer", "update", customer, "--phone", "cy", "--json")
        _ = try await agent("sync", "--json")
        try await bo.sync()

        func ctl(_ arguments: String...) async throws -> Any? {
            let run = try await CtlBinaryTests.ctl(arguments, server: server, token: token)
            try Self.expectStyle("touchpointctl " + arguments.joined(separator: " "), run.status, run.stdout, run.stderr)
            return try? run.json()
        }
        _ = try await ctl("status", "--json")
        _ = try await ctl("agents", "list", "--json")
        _ = try await ctl("agents", "show", ada.agentID.uuidString.lowercased(), "--json")
        let added = try #require(try await ctl("agents", "add", "Dee", "--territory", "east", "--json") as? [String: Any])
        _ = try await ctl("agents", "revoke", try #require(added["id"] as? String), "--json")
        let conflicts = try #require(try await ctl("conflicts", "list", "--json") as? [[String: Any]])
        let conflict = try #require(conflicts.first?["id"] as? Int)
        _ = try await ctl("conflicts", "show", "\(conflict)", "--json")
        _ = try await ctl("conflicts", "resolve", "\(conflict)", "--keep", "loser", "--json")
        let changes = try #require(try await ctl("changes", "tail", "--since", "0", "--json") as? [[String: Any]])
        #expect(changes.contains { ($0["fields"] as? [String: Any])?["_deleted"] != nil }, "field names are printed as they are")
        _ = try await ctl("report", "--from", "2025-03-03", "--to", "2025-03-31", "--by", "channel", "--json")
        _ = try await ctl("backup", "--out", directory.appendingPathComponent("server-copy.sqlite").path, "--json")
        let audit = try #require(try await ctl("audit", "--json") as? [[String: Any]])
        #expect(audit.contains { $0["action"] as? String == "agent_revoke" } && audit.contains { $0["action"] as? String == "backup" })
        let inspect = try await offPool { [db = laptop.db] in try CtlBinaryTests.run("touchpointctl", ["inspect", db, "--json"]) }
        try Self.expectStyle("touchpointctl inspect", inspect.status, inspect.stdout, inspect.stderr)
    }
}
