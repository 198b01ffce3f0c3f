import Foundation

/// What one sync did.
public struct SyncSummary: Hashable, Sendable, Codable {
    public var pushed = 0
    public var pulled = 0
    public var conflicts = 0
    public var rejected = 0
    /// Unsynced changes re-stamped because this laptop's clock had run ahead.
    public var restamped = 0
    /// Why the server looked restored, when it did: this sync re-pushed what the laptop holds and re-pulled from 0.
    public var serverRestored: String?
    /// Why this sync dropped what the laptop held and pulled everything again (the server
    /// marked the agent stale), when it did.
    public var fullResync: String?
    /// Why a full resync the server asked for waits for a later sync (the outbox is not empty yet).
    public var fullResyncDeferred: String?
    /// Seconds.
    public var duration: TimeInterval = 0

    /// An empty summary.
    public init() {}
}
