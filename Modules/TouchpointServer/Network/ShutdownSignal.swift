import NIOConcurrencyHelpers

/// A one-way flag sessions poll between requests to end gracefully.
final class ShutdownSignal: Sendable {
    private let state = NIOLockedValueBox(false)

    /// True once shutdown began.
    var isTriggered: Bool { state.withLockedValue { $0 } }

    /// Begins shutdown.
    func trigger() { state.withLockedValue { $0 = true } }
}
