import ArgumentParser
import Foundation
import TouchpointCLI
import TouchpointImport
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
    @Option(help: .field(FeedbackResponse.descriptor, "kind")) var kind: String
    @Option(help: .field(FeedbackResponse.descriptor, "score")) var score: Int
    @Option(help: .field(FeedbackResponse.descriptor, "interaction_id", "Id or unique prefix.")) var interaction: String?
    @Option(help: .field(FeedbackResponse.descriptor, "comment")) var comment: String?
    @Option(help: .field(FeedbackResponse.descriptor, "collected_at", "ISO 8601 or epoch milliseconds (default: now).")) var at: String?

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
