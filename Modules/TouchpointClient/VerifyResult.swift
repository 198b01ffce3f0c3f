import TouchpointModel

/// The outcome of comparing digests.
public struct VerifyResult: Sendable {
    public var local: RecordDigest
    public var server: RecordDigest

    /// True when both sides hold the same records at the same versions.
    public var converged: Bool { local == server }
    /// Entity types whose digests differ.
    public var differing: [String] { local.differences(from: server) }
}
