import TouchpointModel
import TouchpointProtocol

/// What the sync engine needs from a connection to the server.
///
/// The TCP implementation speaks the framed protocol; tests may drive a server
/// in-process through the same calls.
public protocol SyncTransport {
    /// What the server accepts (its Welcome limits): push batches stay within its
    /// batch and frame limits, pulls ask for at most its page size.
    var limits: ProtocolLimits { get }
    /// What the server's Welcome said (who the agent is, the store's epoch and
    /// head), or nil when the transport has no handshake.
    var session: ClientSession? { get }
    /// Sends one outbox batch; the server applies it in one transaction.
    func push(_ entries: [SequencedChange]) async throws -> PushAcknowledgement
    /// Fetches one page of changes after `cursor`.
    func pull(after cursor: UInt64, limit: Int) async throws -> PulledPage
    /// Fetches one page of changes after `cursor`, reporting the changes waiting in the
    /// outbox (the server shows the latest to admins).
    func pull(after cursor: UInt64, limit: Int, outboxDepth: Int?) async throws -> PulledPage
    /// The server's digest of this agent's scope.
    func digest() async throws -> RecordDigest
    /// The territories the server says this agent covers, when it said so.
    var territories: [String]? { get }
}

extension SyncTransport {
    /// No handshake: nothing to learn from Welcome.
    public var session: ClientSession? { nil }

    /// A transport with no server to report to pulls without the outbox depth.
    public func pull(after cursor: UInt64, limit: Int, outboxDepth: Int?) async throws -> PulledPage {
        try await pull(after: cursor, limit: limit)
    }

    /// An agent's territories as its Welcome named them.
    public var territories: [String]? {
        guard let session, session.role == .agent else { return nil }
        return session.agent?.territories
    }
}
