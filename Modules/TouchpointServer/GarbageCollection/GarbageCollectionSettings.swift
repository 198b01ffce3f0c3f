import Foundation

/// How a garbage collection of the change log runs (``ServerStore/collectGarbage(_:now:)``).
public struct GarbageCollectionSettings: Sendable {
    /// An agent that synced before but was not seen for longer than this is marked
    /// stale and no longer holds the horizon back (seconds). Default 30 days.
    public var staleAfter: TimeInterval = 30 * 86_400
    /// Decide and report, write nothing.
    public var dryRun = false

    /// The defaults: 30 days, writing.
    public static var defaults: GarbageCollectionSettings { GarbageCollectionSettings() }

    /// Settings with the given stale horizon.
    public init(staleAfter: TimeInterval = 30 * 86_400, dryRun: Bool = false) {
        self.staleAfter = staleAfter
        self.dryRun = dryRun
    }
}
