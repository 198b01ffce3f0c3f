import ArgumentParser

@main
struct TouchpointServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "touchpoint-server",
        abstract: "The Touchpoint sync server.",
        subcommands: [Init.self, Serve.self, Agents.self, Backup.self, Restore.self]
    )
}
