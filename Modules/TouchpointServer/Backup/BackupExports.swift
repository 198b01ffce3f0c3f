import Crypto
import Foundation
import NIOConcurrencyHelpers
import TouchpointModel
import TouchpointProtocol

/// The backups remote clients are fetching (`touchpointctl backup`), kept as temp
/// files until the last chunk is served, the session that started them ends, or
/// they sit idle past ``idleTimeout``.
public final class BackupExports: Sendable {
    /// Where the temp copies go.
    public let directory: String
    /// How long an export may go unasked before it is removed. Default 10 minutes.
    public let idleTimeout: TimeInterval
    /// How many exports may exist at once (each is a whole copy of the store). Default 2.
    public let maxExports: Int
    private let state = NIOLockedValueBox(State())

    private struct State {
        var exports: [UUID: BackupExport] = [:]
        /// Exports being written: they count against ``maxExports`` before they are listed.
        var starting = 0
    }

    /// Creates the registry; `directory` defaults to the system temp directory.
    public init(directory: String = NSTemporaryDirectory(), idleTimeout: TimeInterval = 600, maxExports: Int = 2) {
        self.directory = directory
        self.idleTimeout = idleTimeout
        self.maxExports = maxExports
    }

    deinit {
        for export in state.withLockedValue({ Array($0.exports.values) }) { Self.remove(export) }
    }

    /// Makes export `id` for `owner`: `write` copies the store to the path it is given,
    /// then the copy is measured and digested. Blocking: run it off the event loops.
    func start(id: UUID, owner: SiteID, now: Date, write: (String) throws -> Void) throws -> BackupExport {
        sweep(now: now)
        let admitted = state.withLockedValue { state in
            guard state.exports.count + state.starting < maxExports else { return false }
            state.starting += 1
            return true
        }
        guard admitted else {
            throw ProtocolError(.resourceExhausted, "\(maxExports) backups are being fetched already; try again when they are done")
        }
        let path = (directory as NSString).appendingPathComponent("touchpoint-backup-\(id.lowercasedText).sqlite")
        do {
            try write(path)
            let export = BackupExport(
                id: id, path: path, size: try Self.size(of: path), sha256: try Self.sha256(of: path), owner: owner, touched: now)
            state.withLockedValue { state in
                state.starting -= 1
                state.exports[id] = export
            }
            return export
        } catch {
            state.withLockedValue { $0.starting -= 1 }
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
    }

    /// Up to `length` bytes of `owner`'s export `id` from `offset`; the export is removed once a chunk reaches its end.
    func chunk(id: UUID, owner: SiteID, offset: UInt64, length: Int, now: Date) throws -> (export: BackupExport, bytes: Data, done: Bool) {
        sweep(now: now)
        guard var export = state.withLockedValue({ $0.exports[id] }), export.owner == owner else {
            throw ProtocolError(.notFound, "no backup \(id.lowercasedText) in this session (it ended, finished or sat idle too long): start again")
        }
        guard offset <= export.size else {
            throw ProtocolError(.invalidArgument, "backup.offset \(offset) is past the end of the backup (\(export.size) bytes)")
        }
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: export.path))
        defer { try? handle.close() }
        try handle.seek(toOffset: offset)
        let bytes = try handle.read(upToCount: Int(min(UInt64(length), export.size - offset))) ?? Data()
        let done = offset + UInt64(bytes.count) >= export.size
        if done {
            finish(id)
        } else {
            export.touched = now
            state.withLockedValue { $0.exports[id] = export }
        }
        return (export, bytes, done)
    }

    /// Removes every export of the session speaking for `site` (it ended).
    public func sessionEnded(site: SiteID) {
        let ended = state.withLockedValue { state in
            let ended = state.exports.values.filter { $0.owner == site }
            for export in ended { state.exports[export.id] = nil }
            return ended
        }
        for export in ended { Self.remove(export) }
    }

    /// How many exports exist now.
    public var count: Int { state.withLockedValue { $0.exports.count } }

    private func finish(_ id: UUID) {
        if let export = state.withLockedValue({ $0.exports.removeValue(forKey: id) }) { Self.remove(export) }
    }

    /// Removes the exports idle past the timeout.
    private func sweep(now: Date) {
        let stale = state.withLockedValue { state in
            let stale = state.exports.values.filter { now.timeIntervalSince($0.touched) > idleTimeout }
            for export in stale { state.exports[export.id] = nil }
            return stale
        }
        for export in stale { Self.remove(export) }
    }

    private static func remove(_ export: BackupExport) {
        try? FileManager.default.removeItem(atPath: export.path)
    }

    private static func size(of path: String) throws -> UInt64 {
        (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.uint64Value ?? 0
    }

    private static func sha256(of path: String) throws -> Data {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var hash = SHA256()
        while let block = try handle.read(upToCount: 1 << 20), !block.isEmpty { hash.update(data: block) }
        return Data(hash.finalize())
    }
}
