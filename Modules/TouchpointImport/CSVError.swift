/// A CSV text the reader cannot split into records.
public struct CSVError: Error, Hashable, Sendable, CustomStringConvertible {
    /// 1-based line where the bad record starts.
    public var line: Int
    /// Why the record cannot be read.
    public var message: String

    public var description: String { "line \(line): \(message)" }
}
