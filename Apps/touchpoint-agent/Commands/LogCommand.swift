import ArgumentParser
import Foundation
import TouchpointCLI
import TouchpointModel
import TouchpointStore

/// `log`: records one interaction (a touchpoint event) by this agent.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Log an interaction with a customer.",
        discussion: """
            Channels: phone, email, chat, in_person, video, social, web, other.
            Stages: awareness, consideration, purchase, onboarding, usage, support, renewal, advocacy.
            Outcomes: resolved, follow_up, escalated, no_action.
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Customer id or unique prefix.") var customer: String
    @Option(help: .field(Interaction.descriptor, "channel")) var channel: String
    @Option(help: .field(Interaction.descriptor, "touchpoint")) var touchpoint: String
    @Option(help: .field(Interaction.descriptor, "stage")) var stage: String
    @Option(help: .field(Interaction.descriptor, "outcome")) var outcome: String
    @Option(help: .field(Interaction.descriptor, "direction", "(Default: inbound.)")) var direction: String?
    @Option(parsing: .unconditional, help: .field(Interaction.descriptor, "sentiment", "(Default: 0.)")) var sentiment: Int?
    @Option(help: .field(Interaction.descriptor, "duration_seconds", "Seconds, or e.g. 5m, 1h30m.")) var duration: String?
    @Option(name: .customLong("case"), help: .field(Interaction.descriptor, "case_id", "Id or unique prefix.")) var caseID: String?
    @Option(help: .field(Interaction.descriptor, "summary")) var summary: String?
    @Option(help: .field(Interaction.descriptor, "occurred_at", "ISO 8601 or epoch milliseconds (default: now).")) var at: String?

    func validate() throws {
        if let duration { _ = try Parse.duration(duration) }
        _ = try Parse.date(at, option: "--at")
    }

    func run() throws {
        let database = try store.open()
        let identity = try database.identity()
        let customerID = try database.resolveID(.customer, customer)
        var supportCase: UUID?
        if let caseID {
            let id = try database.resolveID(.supportCase, caseID)
            let found = try database.record(SupportCase.self, id: id)
            try Parse.sameCustomer(found?.customerID == customerID, field: "interaction.case_id", "case \(caseID) belongs to another customer")
            supportCase = id
        }
        let interaction = try Interaction(
            customerID: customerID, agentID: identity.agentID, occurredAt: try Parse.date(at, option: "--at") ?? Date(),
            channel: try Parse.vocabulary(Channel.self, channel, field: "interaction.channel"),
            touchpoint: try Touchpoint.validate(touchpoint, field: "interaction.touchpoint"),
            stage: try Parse.vocabulary(JourneyStage.self, stage, field: "interaction.stage"),
            direction: try Parse.vocabulary(Direction.self, direction, field: "interaction.direction") ?? .inbound,
            sentiment: sentiment ?? 0, outcome: try Parse.vocabulary(Outcome.self, outcome, field: "interaction.outcome"),
            durationSeconds: try duration.map(Parse.duration) ?? 0,
            caseID: supportCase, summary: summary)
        try database.create(interaction)
        if output.json {
            try JSONOutput.record(interaction)
        } else {
            print(
                "logged interaction \(Format.short(interaction.id)): \(interaction.channel.rawValue), "
                    + "\(interaction.touchpoint), \(interaction.stage.rawValue) → \(interaction.outcome.rawValue)")
        }
    }
}
