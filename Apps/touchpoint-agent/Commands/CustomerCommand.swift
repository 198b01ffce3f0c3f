import ArgumentParser
import Foundation
import TouchpointCLI
import TouchpointModel

/// `customer`: add, update, show, list and delete customers.
struct CustomerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customer",
        abstract: "Add, update, show, list and delete customers.",
        subcommands: [
            CustomerAddCommand.self, CustomerUpdateCommand.self, CustomerShowCommand.self, CustomerListCommand.self,
            CustomerDeleteCommand.self,
        ]
    )
}

/// The customer attributes `customer add` and `customer update` share (all optional here).
struct CustomerFields: ParsableArguments {
    private static let fields = Customer.descriptor
    @Option(help: .field(fields, "name")) var name: String?
    @Option(help: .field(fields, "email")) var email: String?
    @Option(help: .field(fields, "phone")) var phone: String?
    @Option(help: .field(fields, "segment")) var segment: String?
    @Option(help: .field(fields, "persona")) var persona: String?
    @Option(help: .field(fields, "lifecycle")) var lifecycle: String?
    @Option(help: .field(fields, "territory", "(Default: this agent's first territory.)")) var territory: String?
    @Option(help: .field(fields, "owner_agent_id", "(Default on add: this agent.)")) var owner: String?
    @Option(name: .customLong("tag"), help: .field(fields, "tags", "Repeat for several; on update, replaces the tags."))
    var tags: [String] = []
    @Option(
        name: .customLong("annual-value"),
        help: .field(fields, "annual_value", "Here in major units, e.g. 1234.50; an empty value clears it."))
    var annualValue: String?
    @Option(help: .field(fields, "currency")) var currency: String?

    var isEmpty: Bool {
        [name, email, phone, segment, persona, lifecycle, territory, owner, annualValue, currency].allSatisfy { $0 == nil }
            && tags.isEmpty
    }

    /// The annual value in minor units of `currency` (or of the customer's current one); nil when not given,
    /// `.some(nil)` when cleared.
    func annualValueMinorUnits(currency current: String?) throws -> Int64?? {
        guard let annualValue else { return nil }
        if annualValue.trimmingCharacters(in: .whitespaces).isEmpty { return .some(nil) }
        guard let code = (currency?.nonBlank ?? current)?.uppercased() else {
            throw CLIError("--annual-value needs --currency (the customer has none)")
        }
        guard let minor = Money.minorUnits(annualValue, currency: code) else {
            throw CLIError(
                "--annual-value: not an amount: '\(annualValue)' (give a non-negative decimal with at most"
                    + " \(Money.minorDigits(code)) digits after the point for \(code), e.g. 1234.50)")
        }
        return .some(minor)
    }
}

extension String {
    /// Nil when blank.
    var nonBlank: String? { trimmingCharacters(in: .whitespaces).isEmpty ? nil : self }
}
