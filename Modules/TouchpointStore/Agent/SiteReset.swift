import TouchpointModel

/// What `reset-site` did.
public struct SiteReset: Hashable, Sendable {
    public var oldSite: SiteID
    public var newSite: SiteID
    /// Queued changes re-stamped under the new site.
    public var requeued: Int
}
