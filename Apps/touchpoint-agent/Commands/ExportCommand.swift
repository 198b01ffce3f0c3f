import ArgumentParser
import Foundation
import TouchpointCLI
import TouchpointImport
import TouchpointModel
import TouchpointStore

/// `export`: writes records as JSONL or CSV in the shape `import` reads back.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export records as JSON lines or CSV (to stdout or --output).",
        discussion: "CSV has a leading `type` column, then `id` and the fields; `import` reads either format back."
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "jsonl (default) or csv.") var format = "jsonl"
    @Option(name: .customLong("entity"), help: "Only these entities (repeat; default: all): \(EntityType.typedNames).")
    var entities: [String] = []
    @Option(help: "Write to this file instead of stdout.", completion: .file()) var output: String?

    func validate() throws {
        guard ImportFormat(rawValue: format.lowercased()) != nil else {
            throw ArgumentParser.ValidationError("--format: expected jsonl or csv, got '\(format)'")
        }
        if let unknown = entities.first(where: { EntityType.named($0) == nil }) {
            throw ArgumentParser.ValidationError("--entity: unknown entity '\(unknown)' (expected one of: \(EntityType.typedNames))")
        }
    }

    func run() throws {
        let database = try store.open()
        let selected = entities.isEmpty ? EntityType.allCases : entities.compactMap(EntityType.named)
        let handle: FileHandle
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: nil) else {
                throw CLIError("cannot write \(output)")
            }
            handle = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        } else {
            handle = FileHandle.standardOutput
        }
        let count = try Exporter(store: database).run(format: ImportFormat(rawValue: format.lowercased())!, entities: selected) {
            try handle.write(contentsOf: Data($0.utf8))
        }
        if let output {
            try handle.close()
            Console.error("exported \(Format.count(count)) records to \(output)")
        }
    }
}
