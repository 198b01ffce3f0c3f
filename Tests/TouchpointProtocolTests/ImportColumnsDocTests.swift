import Foundation
import Testing
import TouchpointModel

/// docs/agent.md's import columns are rendered from the entity descriptors, as PROTOCOL.md's
/// record schema is: a field added to a descriptor shows up in the user docs or this test
/// fails. Regenerate the section with `tools/generate-agent-doc-columns`.
@Suite struct ImportColumnsDocTests {
    @Test func agentDocImportColumnsAreRenderedFromTheDescriptors() throws {
        try GeneratedDocSection(path: "docs/agent.md", name: "import-columns", write: "TOUCHPOINT_WRITE_AGENT_DOC")
            .check(ImportColumnsMarkdown.render(), regenerate: "tools/generate-agent-doc-columns")
    }
}

/// The import columns of every entity, as docs/agent.md lists them, from ``EntityDescriptor``s.
enum ImportColumnsMarkdown {
    static func render() -> String {
        var out = """
            Every entity also takes `id` (a UUID; without it, one is derived from the row) and
            `type` (the entity; needed only without `--entity`). *In a row* says whether a
            row must have the column, what a row without it gets, or that it may be left out.

            """
        for entity in EntityType.allCases {
            out += "\n" + table(entity)
        }
        return out
    }

    private static func table(_ entity: EntityType) -> String {
        let descriptor = entity.descriptor
        var out = "**\(entity.rawValue)** (`--entity \(entity.rawValue)`): \(descriptor.summary)\n\n"
        out += "| column | in a row | accepts |\n|---|---|---|\n"
        for field in descriptor.fields {
            let row = field.defaultValue.map { "default " + $0.summary } ?? (field.isRequired ? "required" : "optional")
            let cells = ["`\(field.name)`", row, accepts(field.kind) + ". " + field.help]
            out += "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n"
        }
        if !descriptor.rules.isEmpty { out += "\n" + descriptor.rules.map { "- \($0)\n" }.joined() }
        return out
    }

    /// What a cell of a CSV or JSONL file may hold (files carry times as dates, not milliseconds).
    private static func accepts(_ kind: FieldKind) -> String {
        switch kind {
        case .time: "a date: ISO 8601 (`2026-11-20T09:30:00Z`) or epoch milliseconds"
        case .reference(let entity): "the id of \(entity == "agent" ? "an" : "a") \(entity)"
        case .tags: "tags joined by `,` (quote the cell in CSV)"
        case .slug: "1–64 of a-z, 0-9 and `_` (upper case, spaces and `-` are normalized)"
        default: kind.summary
        }
    }
}
