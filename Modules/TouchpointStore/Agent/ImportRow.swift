import TouchpointModel

/// A validated record read from line `line` of an import file.
public struct ImportRow: Sendable {
    /// 1-based line of the file, for error reports.
    public var line: Int
    /// The record to create.
    public var record: any SyncRecord

    /// Creates an import row.
    public init(line: Int, record: any SyncRecord) {
        self.line = line
        self.record = record
    }
}
