import Foundation

/// A backup of the server's store that ``AdminClient/backup(to:)`` fetched and wrote.
public struct BackupDownload: Hashable, Sendable, Encodable {
    /// The file written.
    public var path: String
    /// Its size, as the server announced it and as written.
    public var bytes: UInt64
    /// Its SHA-256 in lower-case hex, as the server announced it and as written.
    public var sha256: String
    /// How many chunks it took.
    public var chunks: Int
}
