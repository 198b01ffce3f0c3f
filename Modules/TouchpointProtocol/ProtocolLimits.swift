/// Sizes one side of a session accepts, with the defaults of PROTOCOL.md §8: the
/// one limits type of the package.
///
/// Each side announces its limits (Hello from the client, Welcome from the
/// server); a sender must stay within what the receiver announced, and a
/// receiver enforces its own limits whatever the sender does. The server's come
/// from `SyncService.Configuration.limits` (set by `touchpoint-server serve
/// --max-frame-bytes/--max-batch-changes/--max-page-changes`); a client pushes
/// and pulls within the server's (`SyncTransport.limits`).
public struct ProtocolLimits: Hashable, Sendable {
    /// Default largest frame payload: 4 MiB, as gRPC's default max message size.
    public static let defaultMaxFrameBytes = 4 * 1024 * 1024
    /// Default largest push batch: 1000 changes.
    public static let defaultMaxBatchChanges = 1000
    /// Default largest pull page: 1000 changes.
    public static let defaultMaxPageChanges = 1000
    /// Largest frame a server reads before Welcome (Hello is a few hundred bytes):
    /// an unauthenticated peer can make it buffer no more than this.
    public static let handshakeFrameBytes = 64 * 1024

    /// Largest frame payload accepted, in bytes, compressed or (after inflating) not.
    public var maxFrameBytes: Int
    /// Largest number of changes accepted in one push batch.
    public var maxBatchChanges: Int
    /// Largest number of changes in one pull page.
    public var maxPageChanges: Int

    /// Creates limits.
    public init(
        maxFrameBytes: Int = ProtocolLimits.defaultMaxFrameBytes,
        maxBatchChanges: Int = ProtocolLimits.defaultMaxBatchChanges,
        maxPageChanges: Int = ProtocolLimits.defaultMaxPageChanges
    ) {
        precondition(maxFrameBytes > 0 && maxFrameBytes <= Int(UInt32.max), "maxFrameBytes out of range")
        precondition(maxBatchChanges > 0 && maxPageChanges > 0, "batch and page limits must be positive")
        self.maxFrameBytes = maxFrameBytes
        self.maxBatchChanges = maxBatchChanges
        self.maxPageChanges = maxPageChanges
    }

    /// 4 MiB frames, 1000-change batches and pages.
    public static var defaults: ProtocolLimits { ProtocolLimits() }
}

extension ProtocolLimits {
    /// The wire form.
    public var wire: Touchpoint_V1_Limits {
        var limits = Touchpoint_V1_Limits()
        limits.maxFrameBytes = UInt32(maxFrameBytes)
        limits.maxBatchChanges = UInt32(clamping: maxBatchChanges)
        limits.maxPageChanges = UInt32(clamping: maxPageChanges)
        return limits
    }

    /// Reads announced limits; 0 (or an absent message) means the default.
    public init(wire: Touchpoint_V1_Limits) {
        func value(_ raw: UInt32, _ fallback: Int) -> Int { raw == 0 ? fallback : Int(raw) }
        self.init(
            maxFrameBytes: value(wire.maxFrameBytes, Self.defaultMaxFrameBytes),
            maxBatchChanges: value(wire.maxBatchChanges, Self.defaultMaxBatchChanges),
            maxPageChanges: value(wire.maxPageChanges, Self.defaultMaxPageChanges)
        )
    }
}
