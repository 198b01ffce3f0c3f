import ArgumentParser
import Foundation
import TouchpointCLI
import TouchpointModel
import TouchpointStore

/// `feedback`: records a survey answer; the server opens the closed-loop follow-up of a detractor.
struct FeedbackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feedback",
        abstract: "Record a survey answer (NPS 0–10, CSAT 1–5, CES 1–7).",
        discussion: """
            With --interaction, the answer snapshots that interaction's agent, channel, touchpoint and stage.
            For a detractor (NPS ≤ 6, CSAT ≤ 2) the server opens a follow-up for the owning agent, due in 2 days;
            it arrives with the next sync.
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Customer id or unique prefix.") var customer: String
    @Option(help: "nps, csat or ces.") var kind: String
    @Option(help: "The score on the kind's scale.") var score: Int
    @Option(help: "The interaction it rates (id or prefix).") var interaction: String?
    @Option(help: "The customer's comment.") var comment: String?
    @Option(help: "When it was collected (ISO 8601; default now).") var at: String?

    func run() throws {
        let database = try store.open()
        let identity = try database.identity()
        let customerID = try database.resolveID(.customer, customer)
        let now = Date()
        var rated: Interaction?
        if let interaction {
            let id = try database.resolveID(.interaction, interaction)
            rated = try database.record(Interaction.self, id: id)
            try Parse.sameCustomer(
                rated?.customerID == customerID, field: "feedback.interaction_id", "interaction \(interaction) is with another customer")
        }
        let answer = try FeedbackResponse(
            customerID: customerID, interactionID: rated?.id, agentID: rated?.agentID ?? identity.agentID,
            kind: try Parse.vocabulary(SurveyKind.self, kind, field: "feedback.kind"), score: score, comment: comment,
            collectedAt: try Parse.date(at, option: "--at") ?? now, channel: rated?.channel,
            touchpoint: rated?.touchpoint, stage: rated?.stage)
        try database.create([answer], now: now)
        if output.json {
            try JSONOutput.record(answer)
            return
        }
        let bucket = answer.bucket.map { " (\($0))" } ?? ""
        print("recorded \(answer.kind.rawValue.uppercased()) \(answer.score)\(bucket) \(Format.short(answer.id))")
        if answer.needsFollowUp {
            print("the server opens a follow-up for this answer on the next sync (closed loop)")
        }
    }
}
