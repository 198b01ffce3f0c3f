import ArgumentParser
import Foundation
import TouchpointCLI
import TouchpointModel
import TouchpointStore

/// `followup list`: open follow-ups by due date (others with --status).
struct FollowUpListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List follow-ups, latest due first.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "open (default), done, cancelled or all.") var status = "open"
    @Option(help: "Only this customer (id or prefix).") var customer: String?
    @Flag(help: "Only those assigned to this agent.") var mine = false
    @OptionGroup var list: ListOptions

    func run() throws {
        let database = try store.open()
        var filter = list.filter
        if status.lowercased() != "all" {
            filter.equals["status"] = .text(try Parse.vocabulary(FollowUpStatus.self, status, field: "follow_up.status").rawValue)
        }
        if let customer { filter.equals["customer_id"] = .id(try database.resolveID(.customer, customer)) }
        if mine { filter.equals["assignee_agent_id"] = .id(try database.identity().agentID) }
        let followUps = try database.list(FollowUp.self, filter)
        if output.json { return try JSONOutput.records(followUps) }
        FollowUpRows.table(followUps).print(empty: "no follow-ups")
    }
}
