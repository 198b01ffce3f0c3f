import TouchpointProtocol

/// What one pull serves, gathered from shared pages (``SyncService``).
struct PullWindow {
    /// Entries of the change log one pull passes at most, the puller's own included,
    /// so a long run of its own changes costs a few requests, each bounded.
    static let maxScanned = 16_384

    /// The changes to send.
    var kept: [LoggedChange] = []
    /// The cursor after them.
    var nextCursor: UInt64
    /// True when more may follow.
    var more = false
    /// The head the last page read saw.
    var head: UInt64 = 0
    /// The page's shared encoding, when the changes come from a full page.
    var shared: (batch: Touchpoint_V1_ChangeBatch, pageBound: Int)?
    /// The kept changes' indexes in that page.
    var sharedIndices: [Int] = []
}
