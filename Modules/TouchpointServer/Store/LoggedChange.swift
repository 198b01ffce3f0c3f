import TouchpointModel
import TouchpointProtocol

/// One entry of the change log as pulls read it: the change under its server
/// sequence, and the site it came from (a pull leaves out the puller's own).
public struct LoggedChange: Hashable, Sendable {
    /// The server sequence and the change.
    public var sequenced: SequencedChange
    /// The site that pushed the change (the server's own for changes it made).
    public var site: SiteID

    /// Creates an entry.
    public init(sequenced: SequencedChange, site: SiteID) {
        self.sequenced = sequenced
        self.site = site
    }
}
