import Foundation

/// A frame size limit that a connection handler may change while frames flow,
/// shared by a ``FrameDecoder`` or ``FrameEncoder`` (on the channel's event
/// loop) and the session that moves it.
///
/// A server starts its decoder at ``ProtocolLimits/handshakeFrameBytes`` and
/// raises it to its announced limit once the session is ready, so an
/// unauthenticated peer can make it buffer at most 64 KiB; its encoder follows
/// the frame limit the client announced in Hello.
///
/// ```swift
/// let receive = FrameSizeLimit(ProtocolLimits.handshakeFrameBytes)
/// let decoder = FrameDecoder(limit: receive)
/// // after Welcome:
/// receive.set(limits.maxFrameBytes)
/// ```
public final class FrameSizeLimit: @unchecked Sendable {
    // NSLock instead of an atomic: Synchronization's Atomic needs macOS 15.
    private let lock = NSLock()
    private var bytes: Int

    /// Creates a limit of `bytes`.
    public init(_ bytes: Int) {
        self.bytes = bytes
    }

    /// The largest frame payload allowed now, in bytes.
    public var value: Int {
        lock.withLock { bytes }
    }

    /// Changes the limit for every following frame.
    public func set(_ bytes: Int) {
        lock.withLock { self.bytes = bytes }
    }
}
