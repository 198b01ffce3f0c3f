import ArgumentParser
import Foundation
import TouchpointCLI
import TouchpointModel
import TouchpointStore

/// `case open`: opens a case owned by this agent.
struct CaseOpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Open a case for a customer.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Customer id or unique prefix.") var customer: String
    @Option(help: .field(SupportCase.descriptor, "subject")) var subject: String
    @Option(help: .field(SupportCase.descriptor, "priority", "(Default: normal.)")) var priority: String?
    @Option(help: .field(SupportCase.descriptor, "opened_at", "ISO 8601 or epoch milliseconds (default: now).")) var at: String?

    func run() throws {
        let database = try store.open()
        let supportCase = try SupportCase(
            customerID: try database.resolveID(.customer, customer), subject: subject,
            priority: try Parse.vocabulary(CasePriority.self, priority, field: "case.priority") ?? .normal, ownerAgentID: try database.identity().agentID,
            openedAt: try Parse.date(at, option: "--at") ?? Date())
        try database.create(supportCase)
        if output.json {
            try JSONOutput.record(supportCase)
        } else {
            print("opened case \(Format.short(supportCase.id)) (\(supportCase.priority.rawValue)): \(supportCase.subject)")
        }
    }
}
