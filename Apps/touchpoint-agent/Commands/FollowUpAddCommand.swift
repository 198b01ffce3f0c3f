import ArgumentParser
import Foundation
import TouchpointCLI
import TouchpointModel
import TouchpointStore

/// `followup add`: a task for this agent (or another) on a customer.
struct FollowUpAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a follow-up.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Customer id or unique prefix.") var customer: String
    @Option(help: .field(FollowUp.descriptor, "due_at", "ISO 8601 or epoch milliseconds.")) var due: String?
    @Option(name: .customLong("in-days"), help: "Due in this many days (default 1).") var inDays: Int?
    @Option(help: .field(FollowUp.descriptor, "note")) var note: String?
    @Option(help: .field(FollowUp.descriptor, "assignee_agent_id")) var assignee: String?

    func validate() throws {
        if due != nil, inDays != nil { throw ArgumentParser.ValidationError("give --due or --in-days, not both") }
        if let inDays, inDays < 0 { throw ArgumentParser.ValidationError("--in-days must not be negative") }
        _ = try Parse.date(due, option: "--due")
        _ = try Parse.uuid(assignee, option: "--assignee")
    }

    func run() throws {
        let database = try store.open()
        let now = Date()
        let followUp = try FollowUp(
            customerID: try database.resolveID(.customer, customer),
            assigneeAgentID: try Parse.uuid(assignee, option: "--assignee") ?? database.identity().agentID,
            dueAt: try Parse.date(due, option: "--due") ?? now + Double(inDays ?? 1) * 86_400,
            note: note, createdAt: now)
        try database.create(followUp, now: now)
        if output.json {
            try JSONOutput.record(followUp)
        } else {
            print("added follow-up \(Format.short(followUp.id)) due \(Format.date(followUp.dueAt))")
        }
    }
}
