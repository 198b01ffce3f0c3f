import ArgumentParser
import Foundation

@main
struct TouchpointServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "touchpoint-server",
        abstract: "The Touchpoint sync server.",
        discussion: """
            serve reads every setting also from TOUCHPOINT_* environment variables (TOUCHPOINT_MAX_CONNECTIONS) \
            and a TOML file (serve --config FILE, or TOUCHPOINT_CONFIG; max-connections = 1000); flags win, \
            then the environment, then the file.
            """,
        subcommands: [Init.self, Serve.self, Agents.self, Backup.self, Restore.self, GarbageCollect.self, Config.self]
    )

    /// `serve`'s settings from the environment and its config file join its command line first.
    static func main() async {
        var arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "serve" {
            do {
                arguments = ["serve"] + (try ServeSettings.arguments(Array(arguments.dropFirst()), environment: ProcessInfo.processInfo.environment))
            } catch {
                exit(withError: error)
            }
        }
        await main(arguments)
    }
}
