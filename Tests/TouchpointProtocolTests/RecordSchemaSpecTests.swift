import Foundation
import Testing
import TouchpointModel

/// PROTOCOL.md's record schema is rendered from the entity descriptors: a third
/// party reads the same table the code is built from. When a descriptor changes,
/// regenerate the section with `tools/generate-record-schema`.
@Suite struct RecordSchemaSpecTests {
    static let specURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Protocol/PROTOCOL.md")
    static let begin = "<!-- record-schema:begin -->"
    static let end = "<!-- record-schema:end -->"

    @Test func protocolRecordSchemaIsRenderedFromTheDescriptors() throws {
        var spec = try String(contentsOf: Self.specURL, encoding: .utf8)
        let start = try #require(spec.range(of: Self.begin), "PROTOCOL.md has the record-schema markers")
        let stop = try #require(spec.range(of: Self.end, range: start.upperBound..<spec.endIndex))
        let rendered = "\n" + RecordSchemaMarkdown.render() + "\n"
        if ProcessInfo.processInfo.environment["TOUCHPOINT_WRITE_RECORD_SCHEMA"] == "1" {
            spec.replaceSubrange(start.upperBound..<stop.lowerBound, with: rendered)
            try spec.write(to: Self.specURL, atomically: true, encoding: .utf8)
            return
        }
        #expect(
            String(spec[start.upperBound..<stop.lowerBound]) == rendered,
            "PROTOCOL.md's record schema differs from the descriptors: run tools/generate-record-schema")
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
            marks fields that reports cut by. The server checks every merged record
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
        out += "| field | wire | required | accepts | default | group | dimension |\n|---|---|---|---|---|---|---|\n"
        for field in descriptor.fields {
            let group = descriptor.group(of: field.name).map { $0.joined(separator: " + ") } ?? ""
            let cells = [
                "`\(field.name)`", field.kind.wireType, field.isRequired ? "yes" : "", field.kind.summary + ". " + field.help,
                field.defaultValue?.summary ?? "", group, field.isDimension ? "yes" : "",
            ]
            out += "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n"
        }
        if !descriptor.rules.isEmpty { out += "\nRules across fields:\n\n" + descriptor.rules.map { "- \($0)\n" }.joined() }
        return out
    }
}
