import ArgumentParser
import Foundation

/// `touchpoint-server config check FILE`: validates a `serve` config file without serving.
struct Config: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Work with serve's TOML config file (every serve flag; TOUCHPOINT_* variables and flags win).",
        subcommands: [Check.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a config file: known settings, values serve accepts, the rules between them.")

        @Argument(help: ArgumentHelp("The TOML file.", valueName: "FILE"))
        var file: String

        func run() throws {
            let settings = try ServeSettings.read(file)
            let arguments = settings.keys.sorted().map { "--\($0)=\(settings[$0]!)" }
            do {
                _ = try Serve.parse(arguments)
            } catch {
                throw UserError("\(file): \(Serve.message(for: error))")
            }
            print("\(file): ok (\(settings.count) setting\(settings.count == 1 ? "" : "s"))")
        }
    }
}
