import Foundation
import Testing
import TouchpointAdminClient
import TouchpointClient
import TouchpointModel
import TouchpointProtocol
import TouchpointServer
import TouchpointStore

/// `touchpointctl audit`: every admin action over the wire (agents, conflicts, erasure, backup)
/// is in the log with its actor and outcome, refusals included, and the binary prints it as a
/// table and as JSON.
@Suite struct CtlAuditTests {
    @Test func auditShowsEveryAdminActionWithActorAndOutcome() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tp-audit-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let server = try await LiveServer.start(directory: root + "/server")
        defer { Task { await server.stop() } }
        let (_, _, admin, customer) = try await CtlAdminTests.concurrentPhoneEdits(on: server)
        let conflict = try #require(try await server.store.conflicts(ConflictFilter()).first)

        let zoe = try await AdminClient.connect(to: server.endpoint, token: admin.token) { client in
            let (zoe, _) = try await client.addAgent(name: "Zoe", team: "Field", territories: ["east"])
            _ = try await client.revokeAgent(zoe.id)
            let again = await #expect(throws: ProtocolError.self) { try await client.revokeAgent(zoe.id) }
            #expect(again?.code == .notFound)
            _ = try await client.resolve(conflict.id, keep: .loser)
            let twice = await #expect(throws: ProtocolError.self) { try await client.resolve(conflict.id, keep: .winner) }
            #expect(twice?.code == .failedPrecondition || twice?.code == .aborted, "\(String(describing: twice))")
            _ = try await client.eraseCustomer(customer.id, reason: "GDPR request 2026-118")
            let unknown = await #expect(throws: ProtocolError.self) { try await client.eraseCustomer(UUID(), reason: "GDPR request 2026-119") }
            #expect(unknown?.code == .notFound)
            return zoe
        }
        let backup = try await CtlBinaryTests.ctl("backup", "--out", root + "/copy.sqlite", server: server, token: admin.token)
        #expect(backup.status == 0, "\(backup.stderr)")

        let json = try await CtlBinaryTests.ctl("audit", "--json", server: server, token: admin.token)
        #expect(json.status == 0, "\(json.stderr)")
        let rows = try #require(try json.json() as? [[String: Any]])
        func row(_ action: String, _ outcome: String) -> [String: Any]? {
            rows.first { $0["action"] as? String == action && $0["outcome"] as? String == outcome }
        }
        let zoeID = zoe.id.uuidString.lowercased()
        let adminID = admin.agentID.uuidString.lowercased()
        let added = try #require(row("agent_add", "ok"))
        #expect(added["target"] as? String == zoeID && added["actor_name"] as? String == "root" && added["actor_id"] as? String == adminID)
        #expect(row("agent_revoke", "ok")?["target"] as? String == zoeID)
        let refused = try #require(row("agent_revoke", "refused"))
        #expect(refused["target"] as? String == zoeID)
        #expect((refused["reason"] as? String)?.contains("no active agent") == true, "\(refused)")
        let resolved = try #require(row("conflict_resolve", "ok"))
        #expect(resolved["target"] as? String == "conflict \(conflict.id)")
        #expect((resolved["detail"] as? String)?.contains("kept loser") == true, "\(resolved)")
        #expect((row("conflict_resolve", "refused")?["reason"] as? String)?.contains("already resolved") == true)
        let erased = try #require(row("customer_erase", "ok"))
        #expect(erased["target"] as? String == customer.id.uuidString.lowercased())
        #expect((erased["detail"] as? String)?.contains("reason: GDPR request 2026-118") == true, "\(erased)")
        #expect(row("customer_erase", "refused")?["reason"] as? String != nil)
        let backedUp = try #require(row("backup", "ok"))
        #expect((backedUp["detail"] as? String)?.contains("sha256") == true && backedUp["actor_name"] as? String == "root")
        #expect(rows.allSatisfy { Set($0.keys) == ["id", "time", "actor_id", "actor_name", "action", "target", "outcome", "reason", "detail"] })
        let ids = rows.compactMap { $0["id"] as? Int }
        #expect(ids == ids.sorted() && ids.count == 8, "oldest first, one entry per action: \(rows)")

        let table = try await CtlBinaryTests.ctl("audit", server: server, token: admin.token)
        #expect(table.status == 0, "\(table.stderr)")
        let lines = table.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("ID") == true && lines.count == 9)
        #expect(lines.contains { $0.contains("agent_revoke") && $0.contains("refused") && $0.contains("no active agent") })

        let latest = try await CtlBinaryTests.ctl("audit", "--limit", "2", "--since", "1h", server: server, token: admin.token)
        #expect(latest.stdout.split(separator: "\n").count == 4, "header, two rows, the note that older ones were left out")
        #expect(latest.stdout.contains("older entries left out") && latest.stdout.contains("backup"))
    }

    @Test func auditAndBackupParseErrorsAreOneLine() async throws {
        let server = try await LiveServer.start()
        defer { Task { await server.stop() } }
        let admin = try await server.laptop("root", territories: [], role: .admin)
        let existing = FileManager.default.temporaryDirectory.appendingPathComponent("tp-exists-\(UUID())").path
        FileManager.default.createFile(atPath: existing, contents: Data("keep".utf8))
        defer { try? FileManager.default.removeItem(atPath: existing) }
        for (arguments, mentions) in [
            (["audit", "--since", "yesterday"], "--since"), (["audit", "--since", "5x"], "--since"),
            (["audit", "--limit", "0"], "--limit"), (["audit", "--limit", "many"], "--limit"),
            (["backup"], "--out"), (["backup", "--out", existing], "already exists"),
        ] {
            let run = try await CtlBinaryTests.ctl(arguments, server: server, token: admin.token)
            #expect(run.status != 0, "\(arguments)")
            #expect(run.stderr.hasPrefix("error: ") || run.stderr.hasPrefix("Error: "), "\(arguments): \(run.stderr)")
            #expect(run.stderr.split(separator: "\n").count == 1 && run.stderr.contains(mentions), "\(arguments): \(run.stderr)")
            #expect(run.stdout.isEmpty)
        }
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "keep", "an existing file is left alone")
    }

    /// The server answers in chunks that fit the client's frame limit; the copy is whole and its temp file is gone.
    @Test func aBackupComesInChunksThatFitTheClientsFrameLimit() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tp-chunks-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let server = try await LiveServer.start(directory: root + "/server")
        defer { Task { await server.stop() } }
        let ada = try await server.laptop("Ada", territories: ["north"])
        let admin = try await server.laptop("root", territories: [], role: .admin)
        try ada.store.create(try (0..<200).map { try Customer(name: "Customer \($0)", territory: "north") as any SyncRecord })
        try await ada.sync()

        var configuration = ClientSessionConfiguration(siteID: SiteID.random(), agentID: admin.agentID, token: admin.token)
        configuration.limits = ProtocolLimits(maxFrameBytes: 16 * 1024)
        let file = root + "/copy.sqlite"
        let download = try await SyncConnection.withConnection(to: server.endpoint, configuration: configuration) { connection in
            try await AdminClient(connection: connection).backup(to: file)
        }
        #expect(download.chunks > 2, "\(download.bytes) bytes in \(download.chunks) chunks")
        #expect(try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int == Int(download.bytes))
        #expect(!FileManager.default.fileExists(atPath: file + ".partial"))
        #expect(server.service.backups.count == 0, "the server removed its copy after the last chunk")
        let copy = try SQLiteServerStore(directory: try Self.directory(holding: file, in: root))
        #expect(try await copy.digest(territories: nil) == (try await server.store.digest(territories: nil)))
    }

    /// A directory with `file` as its `server.sqlite`, to open it as a store.
    static func directory(holding file: String, in root: String) throws -> String {
        let directory = root + "/opened-\(UUID())"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: file, toPath: directory + "/server.sqlite")
        return directory
    }
}
