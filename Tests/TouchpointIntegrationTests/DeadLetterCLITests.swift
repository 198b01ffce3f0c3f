import Foundation
import Testing
import TouchpointClient
import TouchpointProtocol

/// Item 10 of the field-work issue with the real binaries: a refused change is
/// rolled back on the laptop, listed, retried once the admin fixed the cause, and
/// the laptop converges with the server.
@Suite(.serialized) struct DeadLetterCLITests {
    func agent(_ db: String, _ arguments: String...) throws -> (Int32, String, String) {
        try AgentSyncCLITests().agent(db, arguments)
    }

    @Test func refusedChangeIsRolledBackListedAndRetried() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tp-dead-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let server = ServerProcess(data: root + "/server")
        try server.command(["init"])
        let id = UUID().uuidString
        let added = try server.command(["agents", "add", "--name", "ada", "--territory", "north", "--id", id])
        let token = String(added.split(separator: "\n").last!.split(separator: " ").last!)
        try server.start()
        defer { server.kill() }
        let db = root + "/ada.sqlite"
        // The laptop believes it covers south too (the admin has not granted it yet).
        #expect(try agent(db, "init", "--agent-id", id, "--territory", "north", "--territory", "south",
                          "--server", server.endpoint.description, "--token", token).0 == 0)
        #expect(try agent(db, "customer", "add", "--name", "Far", "--territory", "south").0 == 0)
        let (_, out, _) = try agent(db, "sync")
        #expect(out.contains("rejected 1"), "\(out)")
        #expect(try agent(db, "customer", "list").1.contains("Far") == false, "rolled back on the laptop")
        let (_, listed, _) = try agent(db, "dead-letters", "list", "--json")
        let letters = try #require(try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [[String: Any]])
        #expect(letters.map { $0["code"] as? String } == ["PERMISSION_DENIED"])
        #expect(try agent(db, "verify").0 == 0, "the laptop holds what the server holds")

        _ = try server.command(["agents", "territories", id, "--territory", "north", "--territory", "south"])
        #expect(try agent(db, "sync").0 == 0)
        let seq = try #require(letters.first?["seq"] as? Int)
        #expect(try agent(db, "dead-letters", "retry", "\(seq)").1.contains("queued 1 change again"))
        #expect(try agent(db, "sync").0 == 0)
        #expect(try agent(db, "customer", "list").1.contains("Far"))
        #expect(try agent(db, "dead-letters", "list").1.contains("no dead letters"))
        #expect(try agent(db, "verify").0 == 0)
    }
}
