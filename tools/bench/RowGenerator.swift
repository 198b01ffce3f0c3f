import Foundation
import TouchpointImport
import TouchpointModel
import TouchpointStore

/// Realistic interaction rows for the import benchmark: every channel, stage and outcome, a year of dates,
/// quoted summaries with commas, quotes and line breaks.
struct RowGenerator {
    private var random = SystemRandomNumberGenerator()

    static let touchpoints = ["purchase", "onboarding", "support", "billing", "renewal", "complaint", "delivery", "upgrade"]
    static let summaries = [
        "", "Walked through setup", "Refund issued, customer satisfied", "Escalated to tier 2: \"cannot log in\"",
        "Follow up next week\nsend written steps", "Billing question about the June invoice", "No answer, left a message",
    ]

    /// What free-text summaries are made of.
    static let words = """
        customer called about the invoice refund delivery late order missing item damaged asked for written steps \
        explained setup again escalated to tier two billing error corrected discount offered renewal next month \
        upgrade plan interested happy with service unhappy waiting time long promised callback tomorrow sent email \
        confirmation password reset account locked app crashes on login replaced device shipped new parts visited \
        site installed router tested connection works now still slow will check again manager informed complaint \
        logged survey answered recommends us would not recommend price too high competitor cheaper contract ends \
        cancelled kept subscription paused moved address changed contact details updated payment card expired
        """.split(separator: " ").map(String.init)

    /// The interaction columns the CSV has: every field but the case.
    static let interactionColumns = Interaction.fieldNames.filter { $0 != "case_id" }

    /// `count` customers in territory `north`.
    mutating func customers(_ count: Int) throws -> [Customer] {
        try (0..<count).map { i in
            try Customer(
                name: "Customer \(i)", email: "c\(i)@example.com", segment: pick(["smb", "enterprise", "consumer"]),
                persona: pick(["tech_savvy", "needs_steps", "busy_exec"]), territory: "north")
        }
    }

    /// A CSV of `count` interactions with `customers`, by `agent`, over the year before `end`.
    mutating func interactionsCSV(count: Int, customers: [Customer], agent: UUID, end: Date) -> String {
        var text = CSVWriter.record(Self.interactionColumns)
        text.reserveCapacity(count * 200)
        let endMS = Int64(end.timeIntervalSince1970 * 1000)
        for _ in 0..<count {
            let at = endMS - Int64(next(365 * 86_400_000))
            let values: [String: String] = [
                "customer_id": customers[Int(next(UInt64(customers.count)))].id.uuidString.lowercased(),
                "agent_id": agent.uuidString.lowercased(),
                "occurred_at": Timestamp.format(milliseconds: at),
                "channel": pick(Channel.allCases).rawValue,
                "touchpoint": pick(Self.touchpoints),
                "stage": pick(JourneyStage.allCases).rawValue,
                "direction": pick(Direction.allCases).rawValue,
                "sentiment": String(Int(next(5)) - 2),
                "outcome": pick(Outcome.allCases).rawValue,
                "duration_seconds": String(30 + next(3600)),
                "summary": pick(Self.summaries),
            ]
            text += CSVWriter.record(Self.interactionColumns.map { values[$0] })
        }
        return text
    }

    /// Interaction `i` by `agent` with one of `customers`, every vocabulary value in turn, its own free-text summary.
    mutating func interaction(_ i: Int, customers: [Customer], agent: UUID) throws -> Interaction {
        try Interaction(
            customerID: customers[i % customers.count].id, agentID: agent, occurredAt: Date(timeIntervalSinceNow: -Double(i)),
            channel: Channel.allCases[i % 8], touchpoint: Self.touchpoints[i % 8], stage: JourneyStage.allCases[i % 8],
            sentiment: i % 5 - 2, outcome: Outcome.allCases[i % 4], durationSeconds: 30 + i % 600, summary: freeTextSummary())
    }

    /// A free-text summary: 5 to 14 words of a CX vocabulary and a reference number, different for every row,
    /// so compression cannot lean on a handful of repeated strings.
    mutating func freeTextSummary() -> String {
        let count = 5 + Int(next(10))
        var words = (0..<count).map { _ in pick(Self.words) }
        words.insert("#\(10_000 + next(90_000))", at: Int(next(UInt64(count))))
        return words.joined(separator: " ")
    }

    private mutating func next(_ bound: UInt64) -> UInt64 { random.next(upperBound: bound) }

    private mutating func pick<C: Collection>(_ items: C) -> C.Element where C.Index == Int {
        items[items.startIndex + Int(next(UInt64(items.count)))]
    }
}
