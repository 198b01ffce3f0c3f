/// How far an import is, for a progress bar.
public struct ImportProgress: Hashable, Sendable {
    /// Bytes of the file read so far.
    public var bytesRead: Int
    /// The file's size.
    public var totalBytes: Int
    /// Data rows seen so far.
    public var rows: Int
}
