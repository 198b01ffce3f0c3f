import TouchpointModel

/// Identity of a server and its store.
public struct ServerInfo: Hashable, Sendable, Codable {
    /// The server's site id (it stamps conflict resolutions).
    public var serverID: SiteID
    /// This life of the store: new whenever it is created or restored (sent in Welcome).
    public var epoch: ServerEpoch
    /// `sqlite` or `postgres`.
    public var backend: String
    /// Highest change sequence.
    public var head: UInt64
    /// Conflicts not yet resolved.
    public var openConflicts: Int

    /// Creates the identity of a store (each ``ServerStore`` implementation makes its own).
    package init(serverID: SiteID, epoch: ServerEpoch, backend: String, head: UInt64, openConflicts: Int) {
        self.serverID = serverID
        self.epoch = epoch
        self.backend = backend
        self.head = head
        self.openConflicts = openConflicts
    }
}
