import Foundation
import TouchpointAdminCLI
import TouchpointAdminClient
import TouchpointCLI
import TouchpointModel
import TouchpointPostgres
import TouchpointProtocol
import TouchpointReports
import TouchpointStore

/// The whole system in one command: an embedded SQLite server on loopback (or, with
/// `--postgres URL`, two server instances over one PostgreSQL database, the agents
/// spread over both), three agents with realistic CX data, offline edits including a
/// concurrent edit of one field, sync over TCP, then `touchpointctl status`, the
/// conflict, a report, and the HTML report.
@main
struct TouchpointDemo {
    static func main() async {
        do {
            try await run(postgres: try postgresOption(Array(CommandLine.arguments.dropFirst())))
        } catch {
            Console.error("error: \(error)")
            exit(1)
        }
    }

    /// `--postgres URL`, or nil for the embedded SQLite server.
    static func postgresOption(_ arguments: [String]) throws -> PostgresConfiguration? {
        if arguments.contains(where: { $0 == "--help" || $0 == "-h" }) {
            print("usage: touchpoint-demo [--postgres URL]   (default: an embedded SQLite server)")
            exit(0)
        }
        if let index = arguments.firstIndex(of: "--postgres") {
            guard arguments.indices.contains(index + 1) else { throw DemoError("--postgres needs a URL: postgres://USER:PASSWORD@HOST:PORT/DATABASE") }
            return try PostgresConfiguration(url: arguments[index + 1])
        }
        if let unknown = arguments.first { throw DemoError("unknown argument '\(unknown)'; usage: touchpoint-demo [--postgres URL]") }
        return nil
    }

    static func run(postgres: PostgresConfiguration?) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("touchpoint-demo-\(UUID().uuidString.prefix(8))").path
        let cluster: DemoCluster
        if let postgres {
            cluster = try await DemoCluster.start(in: directory, postgres: postgres)
            step("two server instances listening on \(cluster.endpoints.map(\.description).joined(separator: " and ")) (PostgreSQL \(postgres))")
        } else {
            cluster = try await DemoCluster.start(in: directory)
            step("server listening on \(cluster.endpoint) (SQLite in \(directory)/server)")
        }

        let amara = try await cluster.laptop("Amara Osei", team: "Field North", territories: ["north"], instance: 0)
        let ben = try await cluster.laptop("Ben Carter", team: "Field North", territories: ["north"], instance: 1)
        let chen = try await cluster.laptop("Chen Wei", team: "Field South", territories: ["south"], instance: 0)
        let spread = cluster.endpoints.count > 1 ? " (Amara and Chen sync with \(amara.endpoint), Ben with \(ben.endpoint))" : ""
        step("registered 3 agents; laptops: \(amara.path), \(ben.path), \(chen.path)\(spread)")

        var data = DemoData(random: SeededRandom(seed: 2026), now: Date())
        try data.populate(amara.store, agent: amara.agent, territory: "north", names: northNames.0)
        try data.populate(ben.store, agent: ben.agent, territory: "north", names: northNames.1)
        try data.populate(chen.store, agent: chen.agent, territory: "south", names: southNames)
        step("recorded offline: \(try count(amara)) + \(try count(ben)) + \(try count(chen)) records")

        for laptop in [amara, ben, chen] { try await laptop.sync() }
        try await amara.sync()  // pull what Ben pushed after Amara's first sync
        step("synced all three over TCP")

        // Both north agents edit the same customer's phone while offline.
        let shared = try amara.store.list(Customer.self).first { $0.name == northNames.0[0] }!
        _ = try amara.store.update(Customer.self, id: shared.id) { $0.phone = "+44 20 7946 0101" }
        _ = try ben.store.update(Customer.self, id: shared.id) { $0.phone = "+44 7700 900 555" }
        try await amara.sync()
        try await ben.sync()
        for laptop in [amara, ben, chen] { try await laptop.sync() }
        step("concurrent offline edit of \(shared.name)'s phone by Amara and Ben; synced again")

        try await AdminClient.connect(to: cluster.endpoint, token: cluster.adminToken) { admin in
            heading("touchpointctl status")
            StatusView(try await admin.status()).lines.forEach { print($0) }

            heading("touchpointctl conflicts show")
            let names = Dictionary(try await admin.agents().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            for conflict in try await admin.conflicts(openOnly: true) {
                ConflictText.detail(conflict, agentNames: names).forEach { print($0) }
            }

            heading("touchpointctl report --by channel --from <8 weeks ago>")
            let eightWeeks = Date().addingTimeInterval(-8 * 7 * 86_400)
            let result = try await admin.report(try ReportRequest(by: [.channel], from: eightWeeks).validated())
            print(try ReportOutput.text(result, as: .table(width: max(100, Console.terminalWidth))), terminator: "")

            let page = directory + "/report.html"
            try ReportOutput.writeHTML(try await admin.report(try ReportRequest(by: [.persona], from: eightWeeks).validated()), to: page)
            heading("HTML report")
            print("wrote \(page)")
        }
        let followUps = try amara.store.list(FollowUp.self).filter { $0.sourceFeedbackID != nil }
        print("closed loop: Amara's laptop holds \(followUps.count) follow-up(s) the server opened for her detractors")
        await cluster.stop()
    }

    static let northNames = (
        ["Musahib Rahman", "Anika Sharma", "Olivia Bennett", "Kwame Mensah", "Sofia Rossi", "Liam O'Connor"],
        ["Hannah Müller", "Diego Alvarez", "Priya Nair", "Tom Fischer", "Yuki Tanaka"]
    )
    static let southNames = ["Fatima Zahra", "George Evans", "Ines Costa", "Lucas Martin", "Mei Lin", "Noah Williams", "Zara Ahmed"]

    static func count(_ laptop: DemoLaptop) throws -> Int { try laptop.store.status().records.values.reduce(0, +) }

    struct DemoError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    static func step(_ text: String) { print("• \(text)") }

    static func heading(_ text: String) { print("\n$ \(text)") }
}
