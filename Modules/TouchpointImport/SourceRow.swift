/// One data row of an import file, before conversion.
public struct SourceRow: Hashable, Sendable {
    /// 1-based line where the row starts.
    public var line: Int
    /// The row's `type` column or key, if any (overrides the default entity).
    public var type: String?
    /// Column name → text; empty text means null.
    public var values: [String: String]
}
