import ArgumentParser
import Foundation
import TouchpointCLI
import TouchpointModel
import TouchpointStore

/// `case list`: cases, newest first.
struct CaseListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List cases, newest first.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    @Option(help: .field(SupportCase.descriptor, "status", "Only cases with this one.")) var status: String?
    @Option(help: "Only this customer (id or prefix).") var customer: String?
    @Option(help: .field(SupportCase.descriptor, "priority", "Only cases with this one.")) var priority: String?
    @OptionGroup var list: ListOptions

    func run() throws {
        let database = try store.open()
        var filter = list.filter
        if let status { filter.equals["status"] = .text(try Parse.vocabulary(CaseStatus.self, status, field: "case.status").rawValue) }
        if let priority {
            filter.equals["priority"] = .text(try Parse.vocabulary(CasePriority.self, priority, field: "case.priority").rawValue)
        }
        if let customer { filter.equals["customer_id"] = .id(try database.resolveID(.customer, customer)) }
        let cases = try database.list(SupportCase.self, filter)
        if output.json { return try JSONOutput.records(cases) }
        CaseRows.table(cases).print(empty: "no cases")
    }
}
