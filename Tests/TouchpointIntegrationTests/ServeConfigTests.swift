import Foundation
import Testing

/// `serve`'s settings from a TOML file and `TOUCHPOINT_*` variables, flags winning,
/// and `touchpoint-server config check FILE`.
@Suite struct ServeConfigTests {
    /// A config file in a fresh folder.
    static func file(_ text: String) throws -> String {
        let folder = NSTemporaryDirectory() + "touchpoint-config-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/server.toml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func server(_ arguments: [String], environment: [String: String] = [:]) async throws -> CtlBinaryTests.Run {
        try await offPool { try CtlBinaryTests.run("touchpoint-server", arguments, environment: environment) }
    }

    @Test func theFileReachesServe() async throws {
        let path = try Self.file("data = \"/nonexistent/touchpoint\"\ndrain-timeout = 5000\n")
        let run = try await Self.server(["serve", "--config", path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("--drain-timeout must be 0…3600 seconds"), "\(run.stderr)")
    }

    @Test func theEnvironmentWinsOverTheFileAndFlagsWinOverBoth() async throws {
        let path = try Self.file("data = \"/nonexistent/touchpoint\"\nmax-connections = 100\ndrain-timeout = 5000\n")
        let environment = ["TOUCHPOINT_MAX_CONNECTIONS": "0"]
        let fromEnvironment = try await Self.server(["serve", "--config", path, "--drain-timeout", "5"], environment: environment)
        #expect(fromEnvironment.stderr.contains("--max-connections and --max-connections-per-peer must be positive"), "\(fromEnvironment.stderr)")
        // Both bad values overridden by flags: what is left is the missing store, so every check passed.
        let fromFlags = try await Self.server(
            ["serve", "--max-connections", "5", "--drain-timeout", "5"], environment: environment.merging(["TOUCHPOINT_CONFIG": path]) { $1 })
        #expect(fromFlags.status != 0)
        #expect(fromFlags.stderr == "Error: no server store in /nonexistent/touchpoint: run `touchpoint-server init --data /nonexistent/touchpoint` first\n", "\(fromFlags.stderr)")
    }

    @Test func configCheckSaysWhatIsWrongInOneLine() async throws {
        let good = try await Self.server(["config", "check", try Self.file("postgres = \"postgres://u:p@db/touchpoint\"\nlisten = \"0.0.0.0:7070\"\n")])
        #expect(good.status == 0)
        #expect(good.stdout.hasSuffix("server.toml: ok (2 settings)\n"), "\(good.stdout)")
        let typo = try await Self.server(["config", "check", try Self.file("data = \"/srv\"\nmax-conections = 1\n")])
        #expect(typo.status != 0)
        #expect(typo.stderr.contains("unknown setting 'max-conections'; serve's settings are data, postgres,"), "\(typo.stderr)")
        let negative = try await Self.server(["config", "check", try Self.file("data = \"/srv\"\nmax-connections = -1\n")])
        #expect(negative.stderr.contains("--max-connections and --max-connections-per-peer must be positive"), "\(negative.stderr)")
        let both = try await Self.server(["config", "check", try Self.file("data = \"/srv\"\npostgres = \"postgres://u:p@db/t\"\n")])
        #expect(both.stderr.contains("--data and --postgres are exclusive"), "\(both.stderr)")
        let broken = try await Self.server(["config", "check", try Self.file("data = \n")])
        #expect(broken.status != 0)
        #expect(broken.stderr.contains("(line 1, column"), "\(broken.stderr)")
        #expect(broken.stderr.split(separator: "\n").count == 1, "one line: \(broken.stderr)")
    }
}
