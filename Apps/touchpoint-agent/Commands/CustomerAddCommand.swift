import ArgumentParser
import Foundation
import TouchpointCLI
import TouchpointModel
import TouchpointStore

/// `customer add`: creates a customer in this agent's territory.
struct CustomerAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a customer.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var fields: CustomerFields

    func validate() throws {
        if fields.name == nil { throw ArgumentParser.ValidationError("--name is required") }
    }

    func run() throws {
        let database = try store.open()
        let identity = try database.identity()
        guard let territory = fields.territory ?? identity.territories.first else {
            throw CLIError("--territory is required (this agent has no territory: `touchpoint-agent init --territory T`)")
        }
        let customer = try Customer(
            name: fields.name ?? "", email: fields.email, phone: fields.phone, segment: fields.segment,
            persona: fields.persona, lifecycle: try Parse.vocabulary(LifecycleStage.self, fields.lifecycle, field: "customer.lifecycle") ?? .active,
            territory: territory, ownerAgentID: try Parse.uuid(fields.owner, option: "--owner") ?? identity.agentID,
            tags: fields.tags, annualValue: try fields.annualValueMinorUnits(currency: nil) ?? nil, currency: fields.currency)
        try database.create(customer)
        if output.json {
            try JSONOutput.record(customer)
        } else {
            print("added customer \(Format.short(customer.id)) \(customer.name) (\(customer.territory))")
        }
    }
}
