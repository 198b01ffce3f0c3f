import ArgumentParser
import Foundation
import TouchpointCLI
import TouchpointModel

/// `case update`: subject, priority, owner, status open/pending, first response.
struct CaseUpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update", abstract: "Change a case's subject, priority, owner or open/pending status.")

    @OptionGroup var target: RecordTarget

    @Option(help: .field(SupportCase.descriptor, "subject")) var subject: String?
    @Option(help: .field(SupportCase.descriptor, "priority")) var priority: String?
    @Option(help: "open or pending (use resolve, close and reopen for the rest).") var status: String?
    @Option(help: .field(SupportCase.descriptor, "owner_agent_id")) var owner: String?
    @Option(name: .customLong("first-response-at"), help: .field(SupportCase.descriptor, "first_response_at", "ISO 8601 or epoch milliseconds."))
    var firstResponseAt: String?

    func validate() throws {
        if [subject, priority, status, owner, firstResponseAt].allSatisfy({ $0 == nil }) {
            throw ArgumentParser.ValidationError("nothing to update: give at least one option")
        }
        if let status, let parsed = try? CaseStatus.parse(status), parsed == .resolved || parsed == .closed {
            throw ArgumentParser.ValidationError("--status \(parsed.rawValue): use `case resolve` or `case close`")
        }
    }

    func run() throws {
        let priority = try Parse.vocabulary(CasePriority.self, priority, field: "case.priority")
        let status = try Parse.vocabulary(CaseStatus.self, status, field: "case.status")
        let owner = try Parse.uuid(owner, option: "--owner")
        let firstResponse = try Parse.date(firstResponseAt, option: "--first-response-at")
        try target.update(SupportCase.self, line: { $0.summary("updated") }) { c in
            if let subject { c.subject = subject.trimmingCharacters(in: .whitespacesAndNewlines) }
            if let priority { c.priority = priority }
            if let status {
                guard c.status == .open || c.status == .pending else {
                    throw CLIError("case is \(c.status.rawValue): use `case reopen` to open it again")
                }
                c.status = status
            }
            if let owner { c.ownerAgentID = owner }
            if let firstResponse { c.firstResponseAt = firstResponse }
        }
    }
}
