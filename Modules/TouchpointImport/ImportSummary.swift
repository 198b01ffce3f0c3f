/// What an import did.
public struct ImportSummary: Hashable, Sendable {
    /// Data rows read (good and bad).
    public var rows = 0
    /// Rows created.
    public var imported = 0
    /// Rows already present (same id), left untouched.
    public var duplicates = 0
    /// Rows refused.
    public var rejected = 0
    /// Wall time of the whole import.
    public var seconds: Double = 0

    /// Data rows handled per second.
    public var rowsPerSecond: Double { seconds > 0 ? Double(rows) / seconds : 0 }
}
