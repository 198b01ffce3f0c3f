import Foundation
import TouchpointModel
import TouchpointStore

/// Reads rows out of a CSV (header row of field names) or JSONL (one object per line) file.
public struct RowReader: Sendable {
    private enum Source: Sendable {
        case csv(CSVReader, header: [String])
        case jsonl(JSONLines)
    }

    private var source: Source

    /// Every column name a file may use: the fields of every entity, `id` and `type`.
    public static let knownColumns: Set<String> = Set(EntityType.allCases.flatMap(\.fieldNames) + ["id", "type"])

    /// Starts reading; a CSV header naming unknown columns is refused here.
    public init(_ bytes: [UInt8], format: ImportFormat) throws {
        switch format {
        case .jsonl:
            source = .jsonl(JSONLines(bytes))
        case .csv:
            var reader = CSVReader(bytes)
            guard let first = try reader.next() else { throw ImportError("the CSV file is empty (it needs a header row)") }
            let header = first.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            if let unknown = header.first(where: { !Self.knownColumns.contains($0) }) {
                throw ImportError("line \(first.line): unknown column '\(unknown)' in the header")
            }
            if let twice = header.first(where: { name in header.filter { $0 == name }.count > 1 }) {
                throw ImportError("line \(first.line): column '\(twice)' appears twice in the header")
            }
            source = .csv(reader, header: header)
        }
    }

    /// True when rows name their own entity (a CSV `type` column; always possible in JSONL).
    public var rowsMayNameType: Bool {
        switch source {
        case .csv(_, let header): header.contains("type")
        case .jsonl: true
        }
    }

    /// Bytes consumed so far and the total, for progress.
    public var progress: (read: Int, total: Int) {
        switch source {
        case .csv(let reader, _): (reader.bytesRead, reader.totalBytes)
        case .jsonl(let lines): (lines.bytesRead, lines.totalBytes)
        }
    }

    /// The next row or bad line; nil at the end.
    public mutating func next() -> SourceItem? {
        switch source {
        case .csv(var reader, let header):
            defer { source = .csv(reader, header: header) }
            do {
                guard let record = try reader.next() else { return nil }
                guard record.fields.count == header.count else {
                    return .bad(RejectedRow(line: record.line, reason: "expected \(header.count) fields, got \(record.fields.count)"))
                }
                var values = Dictionary(uniqueKeysWithValues: zip(header, record.fields))
                let type = values.removeValue(forKey: "type")
                return .row(SourceRow(line: record.line, type: type?.isEmpty == false ? type : nil, values: values))
            } catch {
                reader = CSVReader([])  // nothing after an unterminated quote can be trusted
                return .bad(RejectedRow(line: error.line, reason: error.message))
            }
        case .jsonl(var lines):
            defer { source = .jsonl(lines) }
            return lines.next()
        }
    }
}
