import ArgumentParser
import Foundation
import TouchpointCLI
import TouchpointModel
import TouchpointStore

/// `customer update`: changes the given attributes; only changed fields are queued for sync.
struct CustomerUpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "update", abstract: "Change a customer's attributes.")

    @OptionGroup var target: RecordTarget
    @OptionGroup var fields: CustomerFields

    func validate() throws {
        if fields.isEmpty { throw ArgumentParser.ValidationError("nothing to update: give at least one attribute option") }
    }

    func run() throws {
        let lifecycle = try Parse.vocabulary(LifecycleStage.self, fields.lifecycle, field: "customer.lifecycle")
        let owner = try Parse.uuid(fields.owner, option: "--owner")
        let line = { (c: Customer) in "updated customer \(Format.short(c.id)) \(c.name)" }
        try target.update(Customer.self, line: line) { c in
            if let name = fields.name { c.name = name.trimmingCharacters(in: .whitespacesAndNewlines) }
            if let email = fields.email { c.email = email.isEmpty ? nil : email }
            if let phone = fields.phone { c.phone = phone.isEmpty ? nil : phone }
            if let segment = fields.segment { c.segment = segment.isEmpty ? nil : segment }
            if let persona = fields.persona { c.persona = persona.isEmpty ? nil : persona }
            if let lifecycle { c.lifecycle = lifecycle }
            if let territory = fields.territory { c.territory = territory.trimmingCharacters(in: .whitespaces) }
            if let owner { c.ownerAgentID = owner }
            if !fields.tags.isEmpty { c.tags = fields.tags.filter { !$0.isEmpty } }
            if let value = try fields.annualValueMinorUnits(currency: c.currency) { c.annualValue = value }
            if let currency = fields.currency { c.currency = currency.nonBlank?.trimmingCharacters(in: .whitespaces).uppercased() }
        }
    }
}
