import Foundation
import TouchpointModel

/// Which records to list: equality on fields, a period on the entity's date, and a page.
public struct RecordFilter: Hashable, Sendable {
    /// Field name → required value (e.g. `channel` → `.text("phone")`).
    public var equals: [String: FieldValue] = [:]
    /// Inclusive start of the period, on the entity's main date.
    public var from: Date?
    /// Exclusive end of the period.
    public var to: Date?
    /// Case-insensitive substring of the entity's main text (name, subject, summary, body).
    public var search: String?
    /// Page size.
    public var limit: Int = 50
    /// Records to skip.
    public var offset: Int = 0

    /// An empty filter with the default page.
    public init() {}
}

extension EntityType {
    /// The date column periods filter and lists sort on.
    var dateColumn: String? {
        switch self {
        case .customer: nil
        case .interaction: "occurred_at"
        case .supportCase: "opened_at"
        case .feedback: "collected_at"
        case .followUp: "due_at"
        case .note: "created_at"
        }
    }

    /// The text column `search` looks in.
    var searchColumn: String {
        switch self {
        case .customer: "name"
        case .interaction: "summary"
        case .supportCase: "subject"
        case .feedback: "comment"
        case .followUp: "note"
        case .note: "body"
        }
    }
}
