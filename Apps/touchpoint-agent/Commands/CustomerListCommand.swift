import ArgumentParser
import Foundation
import TouchpointCLI
import TouchpointModel
import TouchpointStore

/// `customer list`: customers by name, filtered.
struct CustomerListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List customers by name.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Only this territory.") var territory: String?
    @Option(help: .field(Customer.descriptor, "lifecycle", "Only customers in this one.")) var lifecycle: String?
    @Option(help: "Only this segment.") var segment: String?
    @Option(help: "Only this persona.") var persona: String?
    @OptionGroup var list: ListOptions

    func run() throws {
        let database = try store.open()
        var filter = list.filter
        if let territory { filter.equals["territory"] = .text(territory) }
        if let lifecycle { filter.equals["lifecycle"] = .text(try Parse.vocabulary(LifecycleStage.self, lifecycle, field: "customer.lifecycle").rawValue) }
        if let segment { filter.equals["segment"] = .text(segment) }
        if let persona { filter.equals["persona"] = .text(persona) }
        let customers = try database.list(Customer.self, filter)
        if output.json { return try JSONOutput.records(customers) }
        var table = Table("ID", "NAME", "LIFECYCLE", "TERRITORY", "SEGMENT", "PERSONA", "EMAIL")
        for c in customers {
            table.add(
                Format.short(c.id), c.name, c.lifecycle.rawValue, c.territory, c.segment ?? "", c.persona ?? "",
                c.email ?? "")
        }
        table.print(empty: "no customers")
    }
}
