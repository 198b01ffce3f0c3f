import Foundation
import Testing

extension AgentCLISuites {
    /// Options that set record fields take their help from the entity descriptors,
    /// and a field added to a descriptor (`annual_value`, `currency`) reaches the CLI,
    /// the database and export/import.
    @Suite struct AgentCLIFieldTests {
        let cli: AgentCLI

        init() throws { cli = try AgentCLI() }

        /// Runs the binary on a thread of its own: a walk of dozens of processes must not hold a thread of the
        /// cooperative pool, which the in-process servers of other suites need (two cores: two threads).
        func runOffPool(_ arguments: [String]) async throws -> AgentCLI.Result {
            let cli = cli
            return try await withCheckedThrowingContinuation { continuation in
                Thread { continuation.resume(with: Result { try cli.run(arguments) }) }.start()
            }
        }

        /// Every command path of the binary, found by reading the SUBCOMMANDS of each help page.
        func commandPaths(_ path: [String] = []) async throws -> [[String]] {
            let help = try await runOffPool(path + ["--help"])
            #expect(help.status == 0, "\(path.joined(separator: " ")) --help: \(help.stderr)")
            guard let section = help.stdout.range(of: "SUBCOMMANDS:\n") else { return [path] }
            let lines = help.stdout[section.upperBound...].split(separator: "\n", omittingEmptySubsequences: false)
            let names = lines.prefix { !$0.isEmpty }
                .filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }  // a name; wrapped abstracts are indented further
                .compactMap { $0.split(separator: " ").first.map(String.init) }
                .filter { $0 != "help" }
            var paths = [path]
            for name in names { paths += try await commandPaths(path + [name]) }
            return paths
        }

        @Test func everyCommandPrintsItsHelp() async throws {
            let paths = try await commandPaths()
            #expect(paths.count > 30, "found the command tree: \(paths.map { $0.joined(separator: " ") })")
        }

        @Test func customerOptionsTakeTheirHelpFromTheDescriptor() throws {
            let help = try cli.ok("customer", "add", "--help").stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(help.contains("Lifecycle stage (churn is computed from it). One of: prospect, onboarding, active, at_risk, churned."))
            #expect(help.contains("ISO 4217 currency of the annual value"))
        }

        @Test func annualValueAndCurrencyGoFromTheCLIToExportAndBack() throws {
            try cli.initialize()
            let id = try cli.addCustomer("Anika", "--annual-value", "12500.5", "--currency", "eur")
            let added = try cli.ok("customer", "show", id, "--json").object()
            #expect(added["annual_value"] as? Int == 1_250_050, "stored in minor units")
            #expect(added["currency"] as? String == "EUR")
            #expect(try cli.ok("customer", "show", id).stdout.contains("12500.50 EUR a year"))

            let refused = try cli.run("customer", "update", id, "--annual-value", "12.345")
            #expect(refused.status != 0)
            #expect(refused.stderr.contains("--annual-value: not an amount: '12.345'"))
            let noCurrency = try cli.run("customer", "add", "--name", "Musahib", "--annual-value", "10")
            #expect(noCurrency.status != 0 && noCurrency.stderr.contains("--annual-value needs --currency"))

            let file = cli.directory.appendingPathComponent("customers.csv").path
            try cli.ok("export", "--format", "csv", "--entity", "customer", "--output", file)
            let csv = try String(contentsOfFile: file, encoding: .utf8)
            #expect(csv.contains(",1250050,EUR"))
            let second = cli.directory.appendingPathComponent("second.sqlite")
            try cli.initialize(database: second)
            try cli.ok("import", "--file", file, database: second)
            let imported = try cli.ok("customer", "show", id, "--json", database: second).object()
            #expect(imported["annual_value"] as? Int == 1_250_050 && imported["currency"] as? String == "EUR")

            try cli.ok("customer", "update", id, "--annual-value", "")
            let cleared = try cli.ok("customer", "show", id, "--json").object()
            #expect(cleared["annual_value"] == nil || cleared["annual_value"] is NSNull)
        }
    }
}
