import ArgumentParser

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
    @Option(help: "Display name.") var name: String?
    @Option(help: "Email address.") var email: String?
    @Option(help: "Phone number.") var phone: String?
    @Option(help: "Segment, e.g. smb, enterprise.") var segment: String?
    @Option(help: "Persona, e.g. tech_savvy.") var persona: String?
    @Option(help: "Lifecycle stage: prospect, onboarding, active, at_risk, churned.") var lifecycle: String?
    @Option(help: "Territory (default: this agent's first territory).") var territory: String?
    @Option(help: "Owning agent's id (default on add: this agent).") var owner: String?
    @Option(name: .customLong("tag"), help: "A tag (repeat for several; on update, replaces the tags).")
    var tags: [String] = []

    var isEmpty: Bool {
        [name, email, phone, segment, persona, lifecycle, territory, owner].allSatisfy { $0 == nil } && tags.isEmpty
    }
}
