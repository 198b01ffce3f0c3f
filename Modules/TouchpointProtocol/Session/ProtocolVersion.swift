/// The protocol versions this implementation speaks.
public enum ProtocolVersion {
    /// The current (and only) version.
    public static let current: UInt32 = 1
    /// Every version this implementation can negotiate.
    public static let supported: ClosedRange<UInt32> = 1...1
}
