import Foundation
import Testing
import TouchpointProtocol
import TouchpointServer

/// `touchpoint-server gc` on a real store while `serve` runs on it: it purges the
/// tombstone every laptop has pulled, leaves the head where it was, and every laptop
/// — and a new one pulling from 0 — still verifies.
@Suite(.serialized) struct GarbageCollectCLITests {
    @Test func gcWhileServingPurgesAPulledTombstoneAndEveryLaptopStillVerifies() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tp-gc-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let server = ServerProcess(data: root + "/server")
        try server.command(["init"])
        var tokens: [String: (id: String, token: String)] = [:]
        for name in ["ada", "bo", "cy"] {
            let id = UUID().uuidString
            let added = try server.command(["agents", "add", "--name", name, "--territory", "north", "--id", id])
            tokens[name] = (id, String(added.split(separator: "\n").last!.split(separator: " ").last!))
        }
        try server.start()
        defer { server.kill() }
        func laptop(_ name: String) throws -> AgentProcess {
            let agent = AgentProcess(db: "\(root)/\(name).sqlite")
            let (id, token) = tokens[name]!
            let result = try agent.run(
                "init", "--agent-id", id, "--territory", "north", "--server", server.endpoint.description, "--token", token)
            #expect(result.status == 0, "\(result.stderr)")
            return agent
        }
        let (ada, bo) = (try laptop("ada"), try laptop("bo"))
        _ = try ada.run("customer", "add", "--name", "Anika", "--territory", "north")
        let gone = try #require(try ada.run("customer", "add", "--name", "Gone", "--territory", "north", "--json").object()["id"] as? String)
        for agent in [ada, bo] { #expect(try agent.run("sync").status == 0) }
        #expect(try ada.run("customer", "delete", gone).status == 0)
        _ = try ada.run("customer", "add", "--name", "Later", "--territory", "north")
        for agent in [ada, bo, ada, bo] { #expect(try agent.run("sync").status == 0) }

        let (dry, dryStatus) = try ServerProcess.run(["gc", "--data", server.data, "--dry-run"])
        #expect(dryStatus == 0 && dry.contains("dry run: nothing written") && dry.contains("tombstones purged: 1 "))
        let (output, status) = try ServerProcess.run(["gc", "--data", server.data])
        #expect(status == 0, "\(output)")
        #expect(output.contains("tombstones purged: 1 ") && output.contains("agents marked stale: none"), "\(output)")
        let (again, _) = try ServerProcess.run(["gc", "--data", server.data, "--json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(again.utf8)) as? [String: Any])
        #expect(report["tombstones_purged"] as? Int == 0, "nothing left to purge")
        let audited = try await SQLiteServerStore(directory: server.data).auditEntries(since: nil, limit: 100).filter { $0.action == .gc }
        #expect(audited.count == 2, "both collections are in the audit log, not the dry run: \(audited)")
        #expect(audited.allSatisfy { $0.actor.name.hasPrefix("local operator") && $0.outcome == .ok })
        #expect(audited.first?.detail?.contains("1 tombstone(s) purged") == true, "\(audited)")

        let cy = try laptop("cy")
        for agent in [ada, bo, cy] {
            #expect(try agent.run("sync").status == 0)
            let verify = try agent.run("verify")
            #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        }
        #expect(!(try cy.run("customer", "list").stdout.contains("Gone")))
        #expect(try cy.run("customer", "list").stdout.contains("Later"))
    }
}
