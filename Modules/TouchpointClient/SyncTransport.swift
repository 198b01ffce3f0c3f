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
    /// Sends a batch whose acknowledgement ``receivePush(_:)`` returns, so the next batch can be
    /// on its way while the server applies one (`previous`: the last sequence of the batch sent
    /// before it, when its acknowledgement has not arrived). Answers come in the order sent.
    func sendPush(_ entries: [SequencedChange], previous: UInt64?) async throws -> PendingPush
    /// The acknowledgement of a batch sent with ``sendPush(_:previous:)``.
    func receivePush(_ pending: PendingPush) async throws -> PushAcknowledgement
    /// Sends a pull whose page ``receivePull(_:)`` returns, so the next page can be on its
    /// way while one is applied (`applied`: the cursor applied so far, when behind `cursor`).
    /// Pages come back in the order their pulls were sent.
    func sendPull(after cursor: UInt64, limit: Int, outboxDepth: Int?, applied: UInt64?) async throws -> PendingPull
    /// The page of a pull sent with ``sendPull(after:limit:outboxDepth:applied:)``.
    func receivePull(_ pending: PendingPull) async throws -> PulledPage
    /// The server's digest of this agent's scope.
    func digest() async throws -> RecordDigest
    /// The territories the server says this agent covers, when it said so.
    var territories: [String]? { get }
    /// True when the server asks for a full resync (it marked this agent stale).
    var resyncRequired: Bool { get }
}

extension SyncTransport {
    /// No handshake: nothing to learn from Welcome.
    public var session: ClientSession? { nil }

    /// What the Welcome said (Welcome field 16); false without a handshake.
    public var resyncRequired: Bool { session?.resyncRequired ?? false }

    /// A transport with no server to report to pulls without the outbox depth.
    public func pull(after cursor: UInt64, limit: Int, outboxDepth: Int?) async throws -> PulledPage {
        try await pull(after: cursor, limit: limit)
    }

    /// A transport without pipelining pushes when the acknowledgement is asked for.
    public func sendPush(_ entries: [SequencedChange], previous: UInt64?) async throws -> PendingPush {
        PendingPush(entries: entries)
    }

    /// Pushes the batch now (see ``sendPush(_:previous:)``).
    public func receivePush(_ pending: PendingPush) async throws -> PushAcknowledgement {
        try await push(pending.entries)
    }

    /// A transport without pipelining pulls when the page is asked for.
    public func sendPull(after cursor: UInt64, limit: Int, outboxDepth: Int?, applied: UInt64?) async throws -> PendingPull {
        PendingPull(after: cursor, limit: limit, outboxDepth: outboxDepth)
    }

    /// Pulls the page now (see ``sendPull(after:limit:outboxDepth:applied:)``).
    public func receivePull(_ pending: PendingPull) async throws -> PulledPage {
        try await pull(after: pending.after, limit: pending.limit, outboxDepth: pending.outboxDepth)
    }

    /// An agent's territories as its Welcome named them.
    public var territories: [String]? {
        guard let session, session.role == .agent else { return nil }
        return session.agent?.territories
    }
}
