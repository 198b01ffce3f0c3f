import NIOConcurrencyHelpers
import NIOCore
import TouchpointProtocol

/// Tells every open session that the server is shutting down, and closes the
/// ones still open when the drain time is over.
///
/// A session registers its channel; ``trigger()`` wakes sessions blocked on a
/// read (an idle client, a handshake that never came) with an `UNAVAILABLE`
/// error, so each says Goodbye (or, before Welcome, sends a fatal
/// `UNAVAILABLE`) at once instead of at its idle timeout.
final class ShutdownSignal: Sendable {
    private struct State {
        var triggered = false
        var channels: [ObjectIdentifier: any Channel] = [:]
    }

    private let state = NIOLockedValueBox(State())

    /// True once shutdown began.
    var isTriggered: Bool { state.withLockedValue { $0.triggered } }

    /// Follows a session's channel until ``unregister(_:)``; wakes it at once if shutdown began already.
    func register(_ channel: any Channel) {
        let triggered = state.withLockedValue { state in
            state.channels[ObjectIdentifier(channel)] = channel
            return state.triggered
        }
        if triggered { Self.wake(channel) }
    }

    /// Stops following a session's channel (the session ended).
    func unregister(_ channel: any Channel) {
        _ = state.withLockedValue { $0.channels.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    /// Begins shutdown: every session's pending read fails with `UNAVAILABLE`.
    func trigger() {
        let channels = state.withLockedValue { state in
            state.triggered = true
            return Array(state.channels.values)
        }
        channels.forEach(Self.wake)
    }

    /// Closes the sessions still open (the drain time is over).
    func closeAll() {
        let channels = state.withLockedValue { Array($0.channels.values) }
        for channel in channels { channel.close(promise: nil) }
    }

    private static func wake(_ channel: any Channel) {
        channel.pipeline.fireErrorCaught(ProtocolError(.unavailable, "server shutting down"))
    }
}
