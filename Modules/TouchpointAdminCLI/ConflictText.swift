import Foundation
import TouchpointAdminClient
import TouchpointCLI
import TouchpointModel
import TouchpointProtocol

/// Conflicts as a table (`conflicts list`) and as a detailed block (`conflicts show`).
public enum ConflictText {
    /// One row per conflict; `agentNames` turns ids into names.
    public static func table(_ conflicts: [ConflictRecord], agentNames: [UUID: String]) -> Table {
        var table = Table("ID", "STATE", "RECORD", "FIELD", "WINNER", "LOSER", "AGENTS", "DETECTED")
        for c in conflicts {
            table.add(
                "\(c.id)", c.isOpen ? "open" : "resolved (\(c.resolution ?? ""))",
                "\(c.entity.rawValue) \(Format.short(c.entityID))", c.field, value(c.winner.value), value(c.loser.value),
                "\(name(c.winner.agent, agentNames)) vs \(name(c.loser.agent, agentNames))", Format.date(c.detectedAt))
        }
        return table
    }

    /// Every detail of one conflict: both values, versions, sites and agents, times, resolution,
    /// and the record's current fields when the server sent them.
    public static func detail(_ c: ConflictRecord, agentNames: [UUID: String]) -> [String] {
        func side(_ label: String, _ s: ConflictRecord.Side) -> [String] {
            [
                "\(label):",
                "  value    \(value(s.value))",
                "  version  hlc \(s.hlc) (\(Format.date(s.at))) site \(s.site)",
                "  agent    \(name(s.agent, agentNames))" + (s.agent.map { " (\($0.lowercasedText))" } ?? ""),
            ]
        }
        var lines = [
            "conflict \(c.id): \(c.entity.rawValue) \(c.entityID.lowercasedText) field \(c.field)",
            "detected \(Format.date(c.detectedAt))",
        ]
        lines += side("winner (kept by the merge rule)", c.winner)
        lines += side("loser", c.loser)
        if let record = c.record {
            lines.append("record \(c.entityID.lowercasedText) now:")
            let width = record.keys.map(\.count).max() ?? 0
            for name in record.keys.sorted() {
                let field = record[name]!
                let label = name.padding(toLength: width, withPad: " ", startingAt: 0)
                lines.append("  \(label)  \(value(field.value))  (hlc \(field.hlc), site \(field.site))")
            }
        }
        if let resolvedAt = c.resolvedAt {
            lines.append(
                "resolved \(Format.date(resolvedAt)) by \(name(c.resolvedBy, agentNames)) keeping \(c.resolution ?? "?")")
        } else {
            lines.append("open: resolve with `touchpointctl conflicts resolve \(c.id) --keep winner|loser|value=…`")
        }
        return lines
    }

    /// A field value as typed: text quoted, null as `null`.
    public static func value(_ value: FieldValue) -> String { value.description }

    static func name(_ id: UUID?, _ names: [UUID: String]) -> String {
        guard let id else { return "?" }
        return names[id] ?? Format.short(id)
    }
}
