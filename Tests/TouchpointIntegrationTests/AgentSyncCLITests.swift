import Foundation
import Testing
import TouchpointClient
import TouchpointProtocol

/// The field agent's sync commands, end to end: real server process, real agent binary.
@Suite(.serialized) struct AgentSyncCLITests {
    static var agentBinary: URL { AgentProcess.binary }

    /// Runs `touchpoint-agent --db DB ARGS` and returns (status, stdout, stderr).
    @discardableResult
    func agent(_ db: String, _ arguments: String...) throws -> (Int32, String, String) { try agent(db, arguments) }

    /// Runs `touchpoint-agent --db DB ARGS` with the arguments as an array.
    func agent(_ db: String, _ arguments: [String]) throws -> (Int32, String, String) {
        let result = try AgentProcess(db: db).run(arguments)
        return (result.status, result.stdout, result.stderr)
    }

    @Test func twoLaptopsSyncVerifyAndSurviveAnOutage() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tp-cli-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let server = ServerProcess(data: root + "/server")
        try server.command(["init"])
        var laptops: [String] = []
        for name in ["ada", "bo"] {
            let id = UUID().uuidString
            let added = try server.command(["agents", "add", "--name", name, "--territory", "north", "--id", id])
            let token = String(added.split(separator: "\n").last!.split(separator: " ").last!)
            let db = "\(root)/\(name).sqlite"
            try server.start()
            #expect(try agent(db, "init", "--agent-id", id, "--territory", "north", "--server", server.endpoint.description, "--token", token).0 == 0)
            server.kill()
            laptops.append(db)
        }
        try server.start()
        for db in laptops { try agent(db, "init", "--server", server.endpoint.description) }

        let (_, added, _) = try agent(laptops[0], "customer", "add", "--name", "Anika", "--territory", "north", "--json")
        let customer = try #require(try JSONSerialization.jsonObject(with: Data(added.utf8)) as? [String: Any])["id"] as? String
        let (status, summary, _) = try agent(laptops[0], "sync", "--json")
        #expect(status == 0)
        #expect(try (JSONSerialization.jsonObject(with: Data(summary.utf8)) as? [String: Any])?["pushed"] as? Int == 1)
        #expect(try agent(laptops[1], "sync").0 == 0)
        #expect(try agent(laptops[1], "customer", "show", try #require(customer)).1.contains("Anika"))
        for db in laptops { #expect(try agent(db, "verify").0 == 0) }

        // Server down: local work goes on, sync fails with one clear line, nothing is lost.
        server.kill()
        #expect(try agent(laptops[1], "customer", "add", "--name", "Offline", "--territory", "north").0 == 0)
        let (failed, _, error) = try agent(laptops[1], "sync")
        #expect(failed != 0)
        #expect(error.contains("cannot reach the server") && error.split(separator: "\n").count == 1)
        #expect(try agent(laptops[1], "status").1.contains("outbox:       1 change"))
        #expect(try agent(laptops[1], "verify").0 != 0)

        try server.start()
        for db in laptops { try agent(db, "init", "--server", server.endpoint.description) }
        #expect(try agent(laptops[1], "sync").0 == 0)
        #expect(try agent(laptops[0], "sync").0 == 0)
        for db in laptops { #expect(try agent(db, "verify").0 == 0) }
        #expect(try agent(laptops[0], "customer", "list").1.contains("Offline"))
        server.kill()
    }
}

extension AgentSyncCLITests {
    /// `touchpoint-agent sync` processes SIGKILLed at random points on a laptop
    /// with a large outbox and a large pull, while a customer moves to another
    /// territory and a territory is taken from the other laptop: after a final
    /// clean sync each laptop and the server hold exactly the same records of its
    /// scope, nothing is queued, nothing is lost or duplicated.
    @Test func agentSyncKilledAtRandomPointsConverges() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tp-agent-kill-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let server = ServerProcess(data: root + "/server")
        try server.command(["init"])
        var laptops: [(db: String, id: String)] = []
        var tokens: [String] = []
        for name in ["writer", "reader"] {
            let id = UUID().uuidString
            let added = try server.command(
                ["agents", "add", "--name", name, "--territory", "north", "--territory", "south", "--id", id])
            tokens.append(String(added.split(separator: "\n").last!.split(separator: " ").last!))
            laptops.append(("\(root)/\(name).sqlite", id))
        }
        try server.start()
        for (index, laptop) in laptops.enumerated() {
            try agent(laptop.db, "init", "--agent-id", laptop.id, "--territory", "north", "--territory", "south",
                      "--server", server.endpoint.description, "--token", tokens[index])
        }
        // The customer that will move, with records that depend on it.
        let (_, moverJSON, _) = try agent(laptops[0].db, "customer", "add", "--name", "Mover", "--territory", "north", "--json")
        let mover = try #require(try JSONSerialization.jsonObject(with: Data(moverJSON.utf8)) as? [String: Any])["id"] as! String
        #expect(try agent(laptops[0].db, "log", "--customer", mover, "--channel", "phone", "--touchpoint", "billing",
                          "--stage", "support", "--outcome", "resolved").0 == 0)
        #expect(try agent(laptops[0].db, "note", "add", "--customer", mover, "moving south").0 == 0)
        // A large outbox: 3,000 customers through import (one outbox entry each).
        var csv = "name,territory,segment\n"
        for i in 0..<3000 { csv += "Customer \(i),north,\(["smb", "enterprise", "consumer"][i % 3])\n" }
        let file = root + "/customers.csv"
        try csv.write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try agent(laptops[0].db, "import", "--file", file, "--entity", "customer").0 == 0)

        var rng = SystemRandomNumberGenerator()
        var killed = 0
        for (index, laptop) in laptops.enumerated() {
            if index == 1 {
                // Mid-run: the customer moves south, and the reader loses south.
                #expect(try agent(laptops[0].db, "customer", "update", mover, "--territory", "south").0 == 0)
                _ = try server.command(["agents", "territories", laptops[1].id, "--territory", "north"])
            }
            for _ in 0..<4 {
                let process = Process()
                process.executableURL = Self.agentBinary
                process.arguments = ["--db", laptop.db, "sync"]
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                usleep(UInt32.random(in: 20_000...400_000, using: &rng))
                if process.isRunning {
                    kill(process.processIdentifier, SIGKILL)
                    killed += 1
                }
                process.waitUntilExit()
            }
        }
        // Two syncs after the kills; when one fails, what it said is the clue.
        for _ in 0..<2 {
            for laptop in laptops {
                let (status, out, err) = try agent(laptop.db, "sync")
                #expect(status == 0, "sync after the kills failed: \(err) \(out)")
            }
        }
        for laptop in laptops {
            let (status, out, _) = try agent(laptop.db, "verify")
            #expect(status == 0, "\(out)")
            #expect(try agent(laptop.db, "status").1.contains("outbox:       0 changes"))
        }
        let writer = try agent(laptops[0].db, "status", "--json").1
        let reader = try agent(laptops[1].db, "status", "--json").1
        #expect(writer.contains("\"customer\" : 3001") && writer.contains("\"interaction\" : 1") && writer.contains("\"note\" : 1"),
                "the writer keeps every customer once, the mover with its records: \(writer)")
        #expect(reader.contains("\"customer\" : 3000") && reader.contains("\"interaction\" : 0") && reader.contains("\"note\" : 0"),
                "the reader holds the north customers once and evicted the mover: \(reader)")
        #expect(try agent(laptops[1].db, "customer", "show", mover).0 != 0)
        print("agent sync processes killed mid-run: \(killed) of 8")
        server.kill()
    }
}
