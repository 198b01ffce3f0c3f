/// One record of a CSV file: its fields and the physical line it starts on.
public struct CSVRecord: Hashable, Sendable {
    /// 1-based line of the file where the record starts (a quoted field may span lines).
    public var line: Int
    /// The fields, unquoted.
    public var fields: [String]
}
