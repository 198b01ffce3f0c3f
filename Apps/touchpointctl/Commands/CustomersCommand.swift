import ArgumentParser

/// `customers erase`.
struct CustomersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customers", abstract: "Act on customers' data (erasure).",
        subcommands: [CustomersEraseCommand.self])
}
