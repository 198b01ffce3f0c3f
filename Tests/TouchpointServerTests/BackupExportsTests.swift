import Foundation
import Testing
import TouchpointModel
import TouchpointProtocol
@testable import TouchpointServer

/// The temp copies behind remote backups: served in chunks to the session that
/// started them only, and removed after the last chunk, when that session ends,
/// or once idle past the timeout.
@Suite struct BackupExportsTests {
    static let start = Date(timeIntervalSince1970: 1_795_000_000)

    /// A registry in a directory of its own, and a "store" copy of `bytes` bytes.
    static func exports(maxExports: Int = 2) throws -> BackupExports {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tp-exports-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return BackupExports(directory: directory, idleTimeout: 600, maxExports: maxExports)
    }

    static func write(_ bytes: Int) -> (String) throws -> Void {
        { path in try Data((0..<bytes).map { UInt8($0 % 251) }).write(to: URL(fileURLWithPath: path)) }
    }

    static func files(_ exports: BackupExports) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: exports.directory)
    }

    @Test func chunksFollowOnAndTheLastRemovesTheCopy() throws {
        let exports = try Self.exports()
        let owner = SiteID.random()
        let export = try exports.start(id: UUID(), owner: owner, now: Self.start, write: Self.write(2500))
        #expect(try export.size == 2500 && export.sha256.count == 32 && Self.files(exports).count == 1)
        var received = Data()
        var done = false
        while !done {
            let chunk = try exports.chunk(id: export.id, owner: owner, offset: UInt64(received.count), length: 1000, now: Self.start)
            received.append(chunk.bytes)
            done = chunk.done
        }
        #expect(received == Data((0..<2500).map { UInt8($0 % 251) }))
        #expect(try exports.count == 0 && Self.files(exports).isEmpty)
        #expect(throws: ProtocolError.self) { try exports.chunk(id: export.id, owner: owner, offset: 0, length: 1000, now: Self.start) }
    }

    @Test func onlyTheSessionThatStartedItFetchesItAndItsEndRemovesIt() throws {
        let exports = try Self.exports()
        let owner = SiteID.random()
        let export = try exports.start(id: UUID(), owner: owner, now: Self.start, write: Self.write(100))
        let other = #expect(throws: ProtocolError.self) {
            try exports.chunk(id: export.id, owner: SiteID.random(), offset: 0, length: 10, now: Self.start)
        }
        #expect(other?.code == .notFound)
        let past = #expect(throws: ProtocolError.self) {
            try exports.chunk(id: export.id, owner: owner, offset: 101, length: 10, now: Self.start)
        }
        #expect(past?.code == .invalidArgument)
        exports.sessionEnded(site: SiteID.random())
        #expect(exports.count == 1, "another session's end leaves it")
        exports.sessionEnded(site: owner)
        #expect(try exports.count == 0 && Self.files(exports).isEmpty)
    }

    @Test func anIdleCopyIsRemovedAndAFetchedOneIsNot() throws {
        let exports = try Self.exports()
        let owner = SiteID.random()
        let idle = try exports.start(id: UUID(), owner: owner, now: Self.start, write: Self.write(100))
        let busy = try exports.start(id: UUID(), owner: owner, now: Self.start, write: Self.write(100))
        _ = try exports.chunk(id: busy.id, owner: owner, offset: 0, length: 10, now: Self.start.addingTimeInterval(500))
        let later = Self.start.addingTimeInterval(700)
        let gone = #expect(throws: ProtocolError.self) { try exports.chunk(id: idle.id, owner: owner, offset: 0, length: 10, now: later) }
        #expect(gone?.code == .notFound)
        #expect(try exports.chunk(id: busy.id, owner: owner, offset: 10, length: 10, now: later).bytes.count == 10)
        #expect(try Self.files(exports).count == 1)
    }

    @Test func atMostMaxExportsAtOnceAndAFailedCopyLeavesNothing() throws {
        let exports = try Self.exports(maxExports: 1)
        let owner = SiteID.random()
        _ = try exports.start(id: UUID(), owner: owner, now: Self.start, write: Self.write(10))
        let full = #expect(throws: ProtocolError.self) { try exports.start(id: UUID(), owner: owner, now: Self.start, write: Self.write(10)) }
        #expect(full?.code == .resourceExhausted)
        exports.sessionEnded(site: owner)
        struct DiskFull: Error {}
        #expect(throws: DiskFull.self) {
            try exports.start(id: UUID(), owner: owner, now: Self.start) { path in
                try Self.write(10)(path)
                throw DiskFull()
            }
        }
        #expect(try exports.count == 0 && Self.files(exports).isEmpty)
        _ = try exports.start(id: UUID(), owner: owner, now: Self.start, write: Self.write(10))
        #expect(exports.count == 1, "the failed copy gave its place back")
    }
}
