import TouchpointCLI
import TouchpointModel

/// Tables of interactions for humans.
enum InteractionRows {
    static func table(_ interactions: [Interaction]) -> Table {
        var table = Table("ID", "AT", "CHANNEL", "TOUCHPOINT", "STAGE", "OUTCOME", "SENTIMENT", "SUMMARY")
        for i in interactions {
            table.add(
                Format.short(i.id), Format.date(i.occurredAt), i.channel.rawValue, i.touchpoint, i.stage.rawValue,
                i.outcome.rawValue, i.sentiment > 0 ? "+\(i.sentiment)" : "\(i.sentiment)", i.summary ?? "")
        }
        return table
    }
}

/// Tables of cases for humans.
enum CaseRows {
    static func table(_ cases: [SupportCase]) -> Table {
        var table = Table("ID", "OPENED", "STATUS", "PRIORITY", "REOPENED", "CUSTOMER", "SUBJECT")
        for c in cases {
            table.add(
                Format.short(c.id), Format.date(c.openedAt), c.status.rawValue, c.priority.rawValue,
                c.reopenCount == 0 ? "" : "\(c.reopenCount)×", Format.short(c.customerID), c.subject)
        }
        return table
    }
}

/// Tables of follow-ups for humans.
enum FollowUpRows {
    static func table(_ followUps: [FollowUp]) -> Table {
        var table = Table("ID", "DUE", "STATUS", "CUSTOMER", "ASSIGNEE", "NOTE")
        for f in followUps {
            table.add(
                Format.short(f.id), Format.date(f.dueAt), f.status.rawValue, Format.short(f.customerID),
                Format.short(f.assigneeAgentID), f.note ?? "")
        }
        return table
    }
}
