import ArgumentParser
import TouchpointCLI
import TouchpointModel

/// `customer delete`: deletes a customer with a tombstone that syncs.
struct CustomerDeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a customer.")

    @OptionGroup var target: RecordTarget

    func run() throws {
        try target.delete(Customer.self) { "deleted customer \(Format.short($0.id)) (\($0.name))" }
    }
}
