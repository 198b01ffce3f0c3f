import Crypto
import Foundation
import TouchpointClient
import TouchpointProtocol

extension AdminClient {
    /// Fetches a consistent copy of the server's SQLite store into `path`.
    ///
    /// The chunks go to `path.partial`, which becomes `path` only once the size and
    /// the SHA-256 the server announced match what was written; on any failure the
    /// partial file is removed. An existing `path` is refused (`ALREADY_EXISTS`);
    /// a PostgreSQL server answers `FAILED_PRECONDITION` (back it up with pg_dump).
    public func backup(to path: String) async throws -> BackupDownload {
        let files = FileManager.default
        guard !files.fileExists(atPath: path) else { throw ProtocolError(.alreadyExists, "\(path) already exists; nothing written") }
        let partial = path + ".partial"
        try? files.removeItem(atPath: partial)
        guard files.createFile(atPath: partial, contents: nil) else {
            throw ProtocolError(.failedPrecondition, "cannot create \(partial)")
        }
        do {
            let download = try await fetch(into: partial, path: path)
            try files.moveItem(atPath: partial, toPath: path)
            return download
        } catch {
            try? files.removeItem(atPath: partial)
            throw error
        }
    }

    /// Asks for every chunk and writes it to `partial`, checking each answer against the first.
    private func fetch(into partial: String, path: String) async throws -> BackupDownload {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: partial))
        defer { try? handle.close() }
        var hash = SHA256()
        var request = Touchpoint_V1_BackupRequest()
        var first: Touchpoint_V1_BackupResponse?
        var written: UInt64 = 0
        var chunks = 0
        while true {
            guard case .backup(let r) = try await connection.admin(.backup(request)) else { throw Self.mismatch("backup") }
            let announced = first ?? r
            guard r.backupID.count == 16, r.backupID == announced.backupID, r.sha256.count == 32, r.sha256 == announced.sha256,
                r.totalBytes == announced.totalBytes, r.totalBytes <= WireInteger.maxStored, r.offset == written,
                UInt64(r.chunk.count) <= r.totalBytes - written, !r.chunk.isEmpty || r.done
            else { throw ProtocolError(.dataLoss, "the server's backup answer does not follow on from the previous one; nothing written") }
            first = announced
            try handle.write(contentsOf: r.chunk)
            hash.update(data: r.chunk)
            written += UInt64(r.chunk.count)
            chunks += 1
            if r.done { break }
            request.backupID = r.backupID
            request.offset = written
        }
        try handle.synchronize()
        let announced = first!
        let digest = Data(hash.finalize())
        guard written == announced.totalBytes, digest == announced.sha256 else {
            throw ProtocolError(
                .dataLoss,
                "the backup arrived damaged (\(written) of \(announced.totalBytes) bytes, SHA-256 \(digest == announced.sha256 ? "matches" : "differs")); nothing written")
        }
        return BackupDownload(path: path, bytes: written, sha256: digest.map { String(format: "%02x", $0) }.joined(), chunks: chunks)
    }
}
