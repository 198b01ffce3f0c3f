import Foundation
import TouchpointProtocol

/// The server's sync state as the admin `status` request reports it.
public struct ServerStatus: Encodable, Sendable, Hashable {
    public var serverID: String
    public var serverVersion: String
    /// `sqlite` or `postgres`.
    public var store: String
    /// The highest change sequence.
    public var sequence: UInt64
    public var openConflicts: Int
    public var agents: [AgentSyncState]
    /// Hellos refused (wrong, unknown or revoked tokens) since the server started.
    public var failedHellos: Int
    /// The addresses with the most refused Hellos, most first.
    public var failingPeers: [FailingPeer]

    /// Changes refused permanently across every agent (they sit in the agents' dead letters).
    public var rejected: Int { agents.reduce(0) { $0 + $1.rejected } }
}
