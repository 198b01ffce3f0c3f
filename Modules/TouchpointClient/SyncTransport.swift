import TouchpointModel
import TouchpointProtocol

/// What the sync engine needs from a connection to the server.
///
/// The TCP implementation speaks the framed protocol; tests may drive a server
/// in-process through the same calls.
public protocol SyncTransport {
    /// Limits the server negotiated (batch and page sizes).
    var limits: SyncLimits { get }
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

/// Negotiated sizes.
public struct SyncLimits: Hashable, Sendable {
    public var maxBatch: Int
    public var maxPage: Int
    /// The server's largest frame: push batches are cut to fit it in encoded bytes.
    public var maxFrameBytes: Int

    /// Creates limits.
    public init(maxBatch: Int = 500, maxPage: Int = 1000, maxFrameBytes: Int = ProtocolLimits.defaultMaxFrameBytes) {
        self.maxBatch = maxBatch
        self.maxPage = maxPage
        self.maxFrameBytes = maxFrameBytes
    }
}


/// The server's answer to a push.
public struct PushAcknowledgement: Hashable, Sendable {
    /// Highest local sequence processed (applied, duplicate or rejected).
    public var ackedSeq: UInt64
    public var applied: Int
    public var duplicates: Int
    public var conflicts: Int
    /// Permanently refused entries: (seq, code, message).
    public var rejected: [(seq: UInt64, code: String, message: String)]

    /// Creates an acknowledgement.
    public init(
        ackedSeq: UInt64, applied: Int, duplicates: Int, conflicts: Int, rejected: [(seq: UInt64, code: String, message: String)]
    ) {
        self.ackedSeq = ackedSeq
        self.applied = applied
        self.duplicates = duplicates
        self.conflicts = conflicts
        self.rejected = rejected
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.ackedSeq == b.ackedSeq && a.applied == b.applied && a.duplicates == b.duplicates && a.conflicts == b.conflicts
            && a.rejected.map(\.seq) == b.rejected.map(\.seq)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(ackedSeq) }
}
