import Foundation
import NIOPosix
import TouchpointModel
import TouchpointProtocol

/// Answers `backup` admin requests: the first makes a consistent copy of the
/// SQLite store (its online backup: agents keep syncing meanwhile) and returns
/// its size, SHA-256 and first chunk; each later one returns the chunk at the
/// offset it asks for, sized to the client's frame limit (``BackupExports``).
struct BackupHandler: Sendable {
    let service: SyncService
    let principal: Principal
    /// The client's frame limit, which every answer fits.
    let maxFrameBytes: Int

    /// What an answer holds besides its chunk (envelope, request id, backup id, sizes, digest), with room to spare.
    static let answerOverhead = 1024

    func handle(_ request: Touchpoint_V1_BackupRequest, audit: AuditRecorder) async throws -> Touchpoint_V1_BackupResponse {
        let chunkBytes = maxFrameBytes - Self.answerOverhead
        guard !request.backupID.isEmpty else {
            let export = try await start(audit: audit)
            return try answer(export.id, offset: 0, chunkBytes: chunkBytes)
        }
        let id = try UUID(wireBytes: request.backupID, field: "backup.backup_id")
        return try answer(id, offset: try WireInteger.sequence(request.offset, field: "backup.offset"), chunkBytes: chunkBytes)
    }

    /// Makes the copy, off the event loops and the cooperative pool (it blocks while SQLite copies).
    private func start(audit: AuditRecorder) async throws -> BackupExport {
        let id = UUID()
        let exports = service.backups
        let owner = principal.site
        return try await audit.record(
            .backup, target: "remote backup \(id.lowercasedText)",
            detail: { "\($0.size) bytes, sha256 \(TokenHasher.hex(Array($0.sha256))), sent to the client in chunks" }
        ) {
            guard maxFrameBytes >= 2 * Self.answerOverhead else {
                throw ProtocolError(
                    .resourceExhausted,
                    "a frame limit of \(maxFrameBytes) bytes is too small to fetch a backup: announce at least \(2 * Self.answerOverhead)")
            }
            guard let store = service.store as? SQLiteServerStore else {
                throw ProtocolError(
                    .failedPrecondition,
                    "this server stores its data in PostgreSQL: back it up with pg_dump (docs/operations.md, Backups)")
            }
            return try await NIOThreadPool.singleton.runIfActive {
                try exports.start(id: id, owner: owner, now: Date()) { try store.backup(to: $0) }
            }
        }
    }

    private func answer(_ id: UUID, offset: UInt64, chunkBytes: Int) throws -> Touchpoint_V1_BackupResponse {
        let (export, bytes, done) = try service.backups.chunk(id: id, owner: principal.site, offset: offset, length: chunkBytes, now: Date())
        var response = Touchpoint_V1_BackupResponse()
        response.backupID = export.id.wireBytes
        response.totalBytes = export.size
        response.sha256 = export.sha256
        response.offset = offset
        response.chunk = bytes
        response.done = done
        return response
    }
}
