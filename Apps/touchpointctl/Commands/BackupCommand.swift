import ArgumentParser
import Foundation
import TouchpointAdminClient
import TouchpointCLI

/// `backup --out FILE`.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Fetch a consistent copy of the server's SQLite store into FILE (safe while it serves).",
        discussion: """
            The server copies its store with SQLite's online backup and sends the copy in chunks; it is written to \
            FILE.partial and renamed to FILE once its size and SHA-256 match what the server announced. Restore it with \
            `touchpoint-server restore --data DIR FILE`. A PostgreSQL server is backed up with pg_dump instead.
            """)

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "The file to write; must not exist.") var out: String

    func validate() throws {
        if FileManager.default.fileExists(atPath: out) { throw ValidationError("--out: \(out) already exists; nothing written") }
    }

    func run() async throws {
        let download = try await connection.connect { try await $0.backup(to: out) }
        if output.json { return try JSONOutput.encodable(download) }
        print("backup written to \(download.path)")
        print("size:    \(Format.count(download.bytes)) bytes in \(download.chunks) chunk\(download.chunks == 1 ? "" : "s")")
        print("sha256:  \(download.sha256)")
        print("restore: touchpoint-server restore --data DIR \(download.path)")
    }
}
