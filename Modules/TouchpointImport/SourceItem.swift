import TouchpointStore

/// What reading the next row gave: a row, or a line that is not a row.
public enum SourceItem: Hashable, Sendable {
    case row(SourceRow)
    case bad(RejectedRow)
}
