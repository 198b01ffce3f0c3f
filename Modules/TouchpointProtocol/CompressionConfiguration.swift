/// How frames are compressed when sending.
public struct CompressionConfiguration: Hashable, Sendable {
    /// Payloads smaller than this are sent plain even when zlib was negotiated:
    /// below ~1 KiB a change batch gains little and deflate costs more than it saves.
    public static let defaultThreshold = 1024

    /// Whether this side offers/accepts zlib.
    public var enabled: Bool
    /// Smallest payload that is compressed, in bytes.
    public var threshold: Int
    /// zlib level 1…9 (6 is zlib's default balance of speed and size).
    public var level: Int32

    /// Creates a compression configuration.
    public init(enabled: Bool = true, threshold: Int = CompressionConfiguration.defaultThreshold, level: Int32 = 6) {
        self.enabled = enabled
        self.threshold = threshold
        self.level = level
    }

    /// zlib offered, 1 KiB threshold, level 6.
    public static var defaults: CompressionConfiguration { CompressionConfiguration() }
    /// Never compress.
    public static var disabled: CompressionConfiguration { CompressionConfiguration(enabled: false) }
}
