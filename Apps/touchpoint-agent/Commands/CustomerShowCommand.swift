import ArgumentParser
import Foundation
import TouchpointCLI
import TouchpointModel
import TouchpointStore

/// `customer show`: one customer with its recent interactions and open cases.
struct CustomerShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a customer.")

    @OptionGroup var target: RecordTarget

    func run() throws {
        let (database, customerID) = try target.resolve(.customer)
        guard let customer = try database.record(Customer.self, id: customerID) else {
            throw CLIError("no customer with id \(target.id)")
        }
        if target.output.json {
            try JSONOutput.record(customer)
            return
        }
        var filter = RecordFilter()
        filter.equals = ["customer_id": .id(customerID)]
        let details: [(String, String?)] = [
            ("id", customer.id.uuidString.lowercased()), ("name", customer.name), ("email", customer.email),
            ("phone", customer.phone), ("segment", customer.segment), ("persona", customer.persona),
            ("lifecycle", customer.lifecycle.rawValue), ("territory", customer.territory),
            ("owner", customer.ownerAgentID?.uuidString.lowercased()),
            ("tags", customer.tags.isEmpty ? nil : customer.tags.joined(separator: ", ")),
            ("value", customer.annualValue.map { Money.format($0, currency: customer.currency ?? "") + " a year" }),
        ]
        let erased: [(String, String?)] = customer.erasedAt.map { [("erased", JSONOutput.date($0) + " (personal data removed by an admin)")] } ?? []
        for (label, value) in details + erased { print("\((label + ":").padding(toLength: 11, withPad: " ", startingAt: 0))\(value ?? "-")") }

        filter.limit = 5
        let interactions = try database.list(Interaction.self, filter)
        print("\nrecent interactions:")
        InteractionRows.table(interactions).print(empty: "  (none)")

        filter.limit = 50
        let cases = try database.list(SupportCase.self, filter).filter { $0.status == .open || $0.status == .pending }
        print("\nopen cases:")
        CaseRows.table(cases).print(empty: "  (none)")
    }
}
