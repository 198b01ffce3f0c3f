import ArgumentParser
import Foundation
import TouchpointCLI
import TouchpointImport
import TouchpointModel
import TouchpointStore

/// `import`: loads a CSV or JSONL file in batches; bad rows are reported by line and left out.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import records from a CSV or JSONL file.",
        discussion: """
            CSV: a header row of field names (as `export --format csv` writes), RFC 4180 quoting. \
            JSONL: one object per line with the same keys; a "type" key overrides --entity.

            Dates are ISO 8601 or epoch milliseconds; empty means null. Rows without an id get one \
            derived from their content, so importing the same file again adds nothing (duplicates). \
            Bad rows are reported by line and left out; the exit status is 1 if any row was rejected.
            """
    )

    /// Files at least this big get a progress bar (when stderr is a terminal).
    static let progressThreshold = 1 << 20

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "The file to import (.csv, .jsonl).", completion: .file(extensions: ["csv", "jsonl", "ndjson"]))
    var file: String
    @Option(help: "What the rows are: \(EntityType.typedNames) (needed unless rows carry a type).")
    var entity: String?
    @Option(help: "csv or jsonl (default: from the file's extension).") var format: String?
    @Option(name: .customLong("batch-size"), help: "Rows per transaction.") var batchSize = 1000

    func validate() throws {
        if let entity, EntityType.named(entity) == nil {
            throw ArgumentParser.ValidationError("--entity: unknown entity '\(entity)' (expected one of: \(EntityType.typedNames))")
        }
        if let format, ImportFormat(rawValue: format.lowercased()) == nil {
            throw ArgumentParser.ValidationError("--format: expected csv or jsonl, got '\(format)'")
        }
        if format == nil, ImportFormat(path: file) == nil {
            throw ArgumentParser.ValidationError("cannot tell the format of '\(file)' from its extension: pass --format csv or jsonl")
        }
        if batchSize < 1 { throw ArgumentParser.ValidationError("--batch-size must be at least 1") }
    }

    func run() throws {
        let database = try store.open()
        guard let data = FileManager.default.contents(atPath: file) else { throw CLIError("cannot read \(file)") }
        let importFormat = format.flatMap { ImportFormat(rawValue: $0.lowercased()) } ?? ImportFormat(path: file)!
        let bar = ProgressBar(enabled: data.count >= Self.progressThreshold)
        let summary = try Importer(store: database, batchSize: batchSize).run(
            bytes: [UInt8](data), format: importFormat, entity: entity.flatMap(EntityType.named),
            rejected: { row in
                bar.clear()
                Console.error(row.description)
            },
            progress: { p in bar.update(done: p.bytesRead, total: p.totalBytes, caption: "\(Format.count(p.rows)) rows") })
        bar.clear()
        if output.json {
            try JSONOutput.object([
                "rows": summary.rows, "imported": summary.imported, "duplicates": summary.duplicates,
                "rejected": summary.rejected, "seconds": summary.seconds, "rows_per_second": Int(summary.rowsPerSecond),
            ])
        } else {
            print(
                "imported \(Format.count(summary.imported)) · duplicates \(Format.count(summary.duplicates)) · "
                    + "rejected \(Format.count(summary.rejected)) · \(Format.count(summary.rows)) rows in "
                    + String(format: "%.2f", summary.seconds) + " s (\(Format.count(Int(summary.rowsPerSecond))) rows/s)")
        }
        if summary.rejected > 0 {
            throw CLIError("\(summary.rejected) row\(summary.rejected == 1 ? "" : "s") rejected (see the lines above)")
        }
    }
}
