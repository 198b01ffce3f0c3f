/// What adopting the server's list of territories changed.
public struct ScopeChange: Hashable, Sendable {
    public var added: [String]
    public var removed: [String]

    /// True when nothing changed.
    public var isEmpty: Bool { added.isEmpty && removed.isEmpty }
}
