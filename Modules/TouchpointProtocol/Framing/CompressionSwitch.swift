import Foundation

/// A thread-safe on/off switch for frame compression, shared by a
/// ``FrameEncoder`` (which runs on the channel's event loop) and the
/// connection handler that turns it on when the handshake completes.
public final class CompressionSwitch: @unchecked Sendable {
    // NSLock instead of an atomic: Synchronization's Atomic needs macOS 15.
    private let lock = NSLock()
    private var enabled: Bool

    /// Creates a switch.
    public init(enabled: Bool = false) {
        self.enabled = enabled
    }

    /// Whether frames at or above the threshold are compressed now.
    public var isEnabled: Bool {
        lock.withLock { enabled }
    }

    /// Turns compression on for every following frame.
    public func enable() {
        lock.withLock { enabled = true }
    }

    /// Turns compression off for every following frame.
    public func disable() {
        lock.withLock { enabled = false }
    }
}
