/// Where a sync is.
public struct SyncProgress: Hashable, Sendable {
    public enum Phase: String, Sendable { case push, pull }
    public var phase: Phase
    public var done: Int
    public var total: Int
}
