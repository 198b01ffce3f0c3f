import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TouchpointClient
import TouchpointModel
import TouchpointProtocol
import TouchpointServer
import TouchpointStore

/// End-to-end runs of the built `touchpointctl` binary.
@Suite struct CtlBinaryTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(stdout.utf8)) }
    }

    /// Runs a binary built next to the test runner.
    static func run(_ binary: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent(binary)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let (out, err) = (Pipe(), Pipe())
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func ctl(_ arguments: String..., server: LiveServer, token: String) async throws -> Run {
        try await ctl(arguments, server: server, token: token)
    }

    static func ctl(_ arguments: [String], server: LiveServer, token: String) async throws -> Run {
        let environment = ["TOUCHPOINT_SERVER": server.endpoint.description, "TOUCHPOINT_TOKEN": token, "COLUMNS": "120"]
        return try await offPool { try run("touchpointctl", arguments, environment: environment) }
    }

    @Test func statusAndReportFromTheBinary() async throws {
        let (server, _, token) = try await CtlReportTests.serverWithFixture()
        defer { Task { await server.stop() } }

        let status = try await Self.ctl("status", "--json", server: server, token: token)
        #expect(status.status == 0, "\(status.stderr)")
        let object = try #require(try status.json() as? [String: Any])
        #expect(object["store"] as? String == "sqlite")
        #expect((object["agents"] as? [[String: Any]])?.contains { $0["name"] as? String == "Ada" } == true)

        let table = try await Self.ctl("report", "--from", "2025-03-03", "--to", "2025-03-31", "--by", "channel", server: server, token: token)
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("+14.3 ±61.7 n=7*"))
        #expect(table.stdout.contains("phone"))

        let json = try await Self.ctl("report", "--from", "2025-03-03", "--to", "2025-03-31", "--json", server: server, token: token)
        let nps = try #require(((try json.json() as? [String: Any])?["overall"] as? [String: Any])?["metrics"] as? [String: Any])
        #expect(((nps["nps"] as? [String: Any])?["n"] as? Int) == 7)

        let csv = try await Self.ctl("report", "--from", "2025-03-03", "--to", "2025-03-31", "--csv", "--by", "persona", server: server, token: token)
        #expect(csv.stdout.split(whereSeparator: \.isNewline).count >= 4)  // header, (all), three personas

        let page = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString).html").path
        let html = try await Self.ctl("report", "--from", "2025-03-03", "--to", "2025-03-31", "--html", page, server: server, token: token)
        #expect(html.status == 0, "\(html.stderr)")
        let text = try String(contentsOfFile: page, encoding: .utf8)
        #expect(XMLParser(data: Data(text.utf8)).parse(), "the page is well-formed XHTML")
        for figure in ["+14.3", "±61.7", "66.7%", "4.50", "4.0h", "8.2h", "50.0%", "25.0%", "33.3%", "<svg", "CLV (EUR)", "2400.00 EUR"] {
            #expect(text.contains(figure), "HTML lacks \(figure)")
        }
        #expect(!text.contains("http://") || !text.contains("src=\"http"), "no network fetches")
    }

    @Test func errorsAreOneLineAndNonZero() async throws {
        let server = try await LiveServer.start()
        defer { Task { await server.stop() } }
        let bad = try await Self.ctl("status", server: server, token: "tp_wrong")
        #expect(bad.status != 0)
        #expect(bad.stderr.hasPrefix("error: "))
        #expect(bad.stderr.split(separator: "\n").count == 1)
        #expect(bad.stdout.isEmpty)
        let noServer = try Self.run("touchpointctl", ["status"], environment: ["TOUCHPOINT_SERVER": "", "TOUCHPOINT_TOKEN": ""])
        #expect(noServer.status != 0)
        #expect(noServer.stderr.contains("--server"))
    }

    @Test func conflictsShowPrintsTheRecordsCurrentFields() async throws {
        let server = try await LiveServer.start()
        defer { Task { await server.stop() } }
        let (ada, _, admin, customer) = try await CtlAdminTests.concurrentPhoneEdits(on: server)
        let conflict = try #require(try await server.store.conflicts(ConflictFilter()).first)
        let id = customer.id.uuidString.lowercased()

        let json = try await Self.ctl("conflicts", "show", "\(conflict.id)", "--json", server: server, token: admin.token)
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try json.json() as? [String: Any])
        #expect(object["entity_id"] as? String == id)
        #expect(object["detected_at"] is String)
        let record = try #require(object["record"] as? [String: [String: Any]], "the record's current fields")
        #expect((record["phone"]?["value"] as? [String: Any])?["text"] as? String == conflict.winner.value.text)
        #expect((record["name"]?["value"] as? [String: Any])?["text"] as? String == "Anika")
        let adaSite = try ada.store.identity().site.description
        #expect(record["territory"]?["site"] as? String == adaSite)
        #expect((record["phone"]?["hlc"] as? NSNumber)?.uint64Value == conflict.winner.version.hlc.rawValue)
        #expect(!json.stdout.contains(customer.id.uuidString), "ids are lower-case")

        let text = try await Self.ctl("conflicts", "show", "\(conflict.id)", server: server, token: admin.token)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("record \(id) now:"))
        #expect(text.stdout.contains("  name "))
        #expect(text.stdout.contains("\"Anika\""))
    }

    @Test func inspectReadsAnAgentDatabaseOffline() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("inspect-\(UUID().uuidString)")
        let path = directory.appendingPathComponent("agent.sqlite").path
        let agent = UUID()
        do {
            let store = try AgentStore(path: path)
            try store.initialize(agentID: agent, territories: ["north"])
            try store.setMeta(.server, "127.0.0.1:7070")
            try store.create(try Customer(name: "Anika", territory: "north"))
            try store.create(try Customer(name: "Musahib", territory: "north"))
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let run = try Self.run("touchpointctl", ["inspect", path, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try run.json() as? [String: Any])
        #expect(object["agent_id"] as? String == agent.uuidString.lowercased())
        #expect(object["server"] as? String == "127.0.0.1:7070")
        #expect(object["outbox_depth"] as? Int == 2)
        #expect(object["oldest_unsynced"] is String)
        #expect(object["dead_letters"] as? Int == 0)
        #expect((object["records"] as? [String: Any])?["customer"] as? Int == 2)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "inspect writes nothing")

        let human = try Self.run("touchpointctl", ["inspect", path])
        #expect(human.stdout.contains("outbox        2 change(s) waiting"))
        let missing = try Self.run("touchpointctl", ["inspect", directory.appendingPathComponent("nope.sqlite").path])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("no agent database"))
        let notAgent = directory.appendingPathComponent("text.sqlite").path
        try "hello".write(toFile: notAgent, atomically: true, encoding: .utf8)
        #expect(try Self.run("touchpointctl", ["inspect", notAgent]).stderr.contains("not a touchpoint agent database"))
    }
}
