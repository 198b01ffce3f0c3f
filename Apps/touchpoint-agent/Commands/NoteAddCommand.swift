import ArgumentParser
import Foundation
import TouchpointCLI
import TouchpointModel
import TouchpointStore

/// `note add`: appends a note to a customer, optionally on one of its cases.
struct NoteAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a note to a customer or case.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Customer id or unique prefix.") var customer: String
    @Option(name: .customLong("case"), help: .field(Note.descriptor, "case_id", "Id or unique prefix.")) var caseID: String?
    @Argument(help: .field(Note.descriptor, "body")) var text: [String]

    func run() throws {
        let database = try store.open()
        let customerID = try database.resolveID(.customer, customer)
        var noteCase: UUID?
        if let caseID {
            let id = try database.resolveID(.supportCase, caseID)
            try Parse.sameCustomer(
                try database.record(SupportCase.self, id: id)?.customerID == customerID, field: "note.case_id",
                "case \(caseID) belongs to another customer")
            noteCase = id
        }
        let note = try Note(
            customerID: customerID, caseID: noteCase, authorAgentID: try database.identity().agentID,
            body: text.joined(separator: " "), createdAt: Date())
        try database.create(note)
        if output.json {
            try JSONOutput.record(note)
        } else {
            print("added note \(Format.short(note.id))")
        }
    }
}
