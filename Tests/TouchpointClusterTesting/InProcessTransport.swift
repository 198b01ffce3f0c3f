import Foundation
import TouchpointClient
import TouchpointModel
import TouchpointProtocol
import TouchpointServer

/// Drives the real server service in-process, through the same calls the TCP
/// transport makes, for tests that need many sync schedules quickly.
package struct InProcessTransport: SyncTransport {
    package let service: SyncService
    package let principal: Principal
    package var limits = ProtocolLimits(maxBatchChanges: 7, maxPageChanges: 5)

    /// A session of `principal` with `service`.
    package init(service: SyncService, principal: Principal) {
        self.service = service
        self.principal = principal
    }

    package func push(_ entries: [SequencedChange]) async throws -> PushAcknowledgement {
        try await service.push(entries, from: principal)
    }

    package func pull(after cursor: UInt64, limit: Int) async throws -> PulledPage {
        try await service.pull(after: cursor, limit: limit, for: principal)
    }

    package func digest() async throws -> RecordDigest { try await service.digest(for: principal) }

    /// What the Welcome of this session says: the agent's territories when it authenticated.
    package var territories: [String]? { principal.role == .admin ? nil : principal.territories }

    /// What the Welcome of this session says: a full resync when the server had the agent marked stale.
    package var resyncRequired: Bool { principal.resyncRequired }
}
