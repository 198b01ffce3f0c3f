import Foundation
import Testing
import TouchpointClient
import TouchpointModel
import TouchpointProtocol
import TouchpointServer
import TouchpointStore

/// `touchpointctl backup --out FILE` against a real `touchpoint-server` process
/// while an agent keeps pushing: the copy is consistent, `touchpoint-server restore`
/// takes it, and it holds everything acknowledged before the backup started.
@Suite struct CtlBackupTests {
    @Test func aBackupTakenWhileAgentsPushIsConsistentAndRestorable() async throws {
        let fixture = try ServerProcessFixture("ctl-backup")
        defer { fixture.tearDown() }
        let added = try fixture.server.command(["agents", "add", "--name", "root", "--role", "admin"])
        let adminToken = try #require(added.split(separator: "\n").last?.split(separator: " ").last.map(String.init))
        try fixture.start()
        let acknowledged = try await fixture.syncNewCustomers(300, named: "Before")
        #expect(acknowledged.pushed == 300, "\(acknowledged)")
        let before = try fixture.laptop.digest()

        // The backup runs while the agent keeps pushing new customers.
        let file = fixture.root + "/copy.sqlite"
        let environment = ["TOUCHPOINT_SERVER": fixture.server.endpoint.description, "TOUCHPOINT_TOKEN": adminToken]
        async let backup = offPool { try CtlBinaryTests.run("touchpointctl", ["backup", "--out", file], environment: environment) }
        for round in 0..<10 { _ = try await fixture.syncNewCustomers(50, named: "During \(round)") }
        let run = try await backup
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("backup written to \(file)") && run.stdout.contains("sha256:"), "\(run.stdout)")
        #expect(!FileManager.default.fileExists(atPath: file + ".partial"))

        // The same on the server machine, audited as the local operator's; a second one to the same file is refused.
        let local = fixture.root + "/local.sqlite"
        try fixture.server.command(["backup", local])
        #expect(try ServerProcess.run(["backup", "--data", fixture.root, local]).status != 0)
        let live = try await SQLiteServerStore(directory: fixture.root).auditEntries(since: nil, limit: 100).filter { $0.action == .backup }
        #expect(live.count == 3, "\(live)")
        #expect(live.first?.actor.name == "root" && live.first?.outcome == .ok && live.first?.target.hasPrefix("remote backup") == true)
        #expect(live.dropFirst().allSatisfy { $0.target == local && $0.actor.agentID == nil })
        #expect(live.last?.outcome.reason?.contains("already exists") == true, "\(live)")

        let restored = fixture.root + "/restored"
        let restore = try ServerProcess.run(["restore", "--data", restored, file])
        #expect(restore.status == 0, "\(restore.output)")
        let store = try SQLiteServerStore(directory: restored)
        let info = try await store.info()
        let held = try await store.changes(after: 0, limit: 10_000)
        let customers = try #require(try await store.digest(territories: nil).entities["customer"])
        // Consistent: the change log and the records are of one moment (one change per customer created).
        #expect(UInt64(held.count) == info.head && customers.count == held.count, "head \(info.head), \(customers.count) customers")
        #expect(held.count >= 300 && held.count <= 800)
        // Everything acknowledged before the backup started is in it, as the laptop holds it.
        let names = Set(held.compactMap { change -> String? in
            guard case .text(let name)? = change.change.fields.first(where: { $0.name == "name" })?.value else { return nil }
            return name
        })
        #expect((0..<300).allSatisfy { names.contains("Before \($0)") })
        for change in held {
            let stored = try await store.record(.customer, id: change.change.id)
            #expect(stored?.fields["name"]?.value == change.change.fields.first { $0.name == "name" }?.value, "the record of each change")
        }
        if held.count == 300 { #expect(customers == before.entities["customer"]) }

        let audit = try await store.auditEntries(since: nil, limit: 100)
        #expect(audit.last?.action == .restore && audit.last?.outcome == .ok && audit.last?.target == file)
        #expect(audit.last?.actor.agentID == nil && audit.last?.actor.name.hasPrefix("local operator") == true)
        #expect(audit.contains { $0.action == .agentAdd && $0.target == fixture.agentID.uuidString.lowercased() })
    }
}
