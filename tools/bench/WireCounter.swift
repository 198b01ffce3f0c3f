import NIOConcurrencyHelpers

/// Bytes that crossed a ``CountingRelay`` in each direction.
final class WireCounter: Sendable {
    private let counts = NIOLockedValueBox((toServer: 0, toClient: 0))

    var bytesToServer: Int { counts.withLockedValue { $0.toServer } }
    var bytesToClient: Int { counts.withLockedValue { $0.toClient } }

    func add(toServer bytes: Int) { counts.withLockedValue { $0.toServer += bytes } }
    func add(toClient bytes: Int) { counts.withLockedValue { $0.toClient += bytes } }
}
