/// What writing one batch did.
public struct ImportBatchResult: Hashable, Sendable {
    /// Rows created.
    public var imported = 0
    /// Rows whose id was already present (left as they are).
    public var duplicates = 0
    /// Rows refused; the others of the batch are still written.
    public var rejected: [RejectedRow] = []
}
