import Foundation
import Testing
import TouchpointModel

/// PROTOCOL.md's record schema is rendered from the entity descriptors: a third
/// party reads the same table the code is built from. When a descriptor changes,
/// regenerate the section with `tools/generate-record-schema`.
@Suite struct RecordSchemaSpecTests {
    @Test func protocolRecordSchemaIsRenderedFromTheDescriptors() throws {
        try GeneratedDocSection(path: "Protocol/PROTOCOL.md", name: "record-schema", write: "TOUCHPOINT_WRITE_RECORD_SCHEMA")
            .check(RecordSchemaMarkdown.render(), regenerate: "tools/generate-record-schema")
    }
}

/// The record schema section of PROTOCOL.md, from ``EntityDescriptor``s.
enum RecordSchemaMarkdown {
    static func render() -> String {
        var out = """
            Every record has an `id` (the change's 16-byte `id`; as a field value, the
            UUID's lower-case text) and the tombstone `_deleted` (integer 1 = deleted,
            0 = undeleted). The fields of each entity follow, in column order. *Wire*
            is the value type on the wire (section 6.2); a null is a field entry with
            no value. *Required* fields must have a value in every merged record; a
            writer that leaves one out of a new record takes its *default*. Fields in
            a *group* are written and merged as one unit (section 6.3). *Dimension*
            marks fields that reports cut by. *Personal* fields lose their values when
            their customer is erased (section 6.10). The server checks every merged record
            against these rules and refuses a change that breaks one with
            `INVALID_ARGUMENT` naming `entity.field`.

            """
        for entity in EntityType.allCases {
            out += "\n" + table(entity.descriptor, code: entity.rawValue)
        }
        return out
    }

    private static func table(_ descriptor: EntityDescriptor, code: String) -> String {
        var out = "#### `\(code)`\(descriptor.name == code ? "" : " (\(descriptor.name))")\n\n\(descriptor.summary)\n\n"
        out += "| field | wire | required | accepts | default | group | dimension | personal |\n|---|---|---|---|---|---|---|---|\n"
        for field in descriptor.fields {
            let group = descriptor.group(of: field.name).map { $0.joined(separator: " + ") } ?? ""
            let cells = [
                "`\(field.name)`", field.kind.wireType, field.isRequired ? "yes" : "", field.kind.summary + ". " + field.help,
                field.defaultValue?.summary ?? "", group, field.isDimension ? "yes" : "", field.isPersonal ? "yes" : "",
            ]
            out += "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n"
        }
        if !descriptor.rules.isEmpty { out += "\nRules across fields:\n\n" + descriptor.rules.map { "- \($0)\n" }.joined() }
        return out
    }
}
