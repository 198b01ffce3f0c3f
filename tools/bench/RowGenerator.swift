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
        let columns = [
            "customer_id", "agent_id", "occurred_at", "channel", "touchpoint", "stage", "direction", "sentiment",
            "outcome", "duration_seconds", "summary",
        ]
        var text = CSVWriter.record(columns)
        text.reserveCapacity(count * 200)
        let endMS = Int64(end.timeIntervalSince1970 * 1000)
        for _ in 0..<count {
            let at = endMS - Int64(next(365 * 86_400_000))
            text += CSVWriter.record([
                customers[Int(next(UInt64(customers.count)))].id.uuidString.lowercased(),
                agent.uuidString.lowercased(),
                Timestamp.format(milliseconds: at),
                pick(Channel.allCases).rawValue,
                pick(Self.touchpoints),
                pick(JourneyStage.allCases).rawValue,
                pick(Direction.allCases).rawValue,
                String(Int(next(5)) - 2),
                pick(Outcome.allCases).rawValue,
                String(30 + next(3600)),
                pick(Self.summaries),
            ])
        }
        return text
    }

    private mutating func next(_ bound: UInt64) -> UInt64 { random.next(upperBound: bound) }

    private mutating func pick<C: Collection>(_ items: C) -> C.Element where C.Index == Int {
        items[items.startIndex + Int(next(UInt64(items.count)))]
    }
}
