import Foundation

/// The file formats import reads and export writes.
public enum ImportFormat: String, Sendable, CaseIterable {
    case csv, jsonl

    /// The format a file name's extension implies (`.csv`; `.jsonl`, `.ndjson`, `.json`).
    public init?(path: String) {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "csv": self = .csv
        case "jsonl", "ndjson", "json": self = .jsonl
        default: return nil
        }
    }
}
